// @liaison/ui/enums: the enumerations' zh/en labels, defined once in @liaison/db/enums (pure data: no zod, no
// database code). Imported by the views that label them and bundled with each, not with the shared @liaison/ui.
export {
  deputyLevels,
  importKinds,
  opinionCategories,
  opinionChannels,
  opinionRoutes,
  projectStatuses,
  sevenItems,
  stationKinds,
  stationStatuses,
  userRoles,
} from '@liaison/db/enums'
