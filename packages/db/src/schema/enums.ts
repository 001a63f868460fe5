// Every enumeration of the domain, defined once. The database CHECKs, the importer's label lookup,
// the metric dimensions and the UI labels are all derived from these lists.

export interface EnumEntry<V extends string> {
  readonly value: V
  readonly zh: string
  readonly en: string
}

function entries<const V extends string>(list: readonly EnumEntry<V>[]) {
  return list
}

export const regionLevels = entries([
  { value: 'province', zh: '省', en: 'Province' },
  { value: 'city', zh: '市', en: 'City' },
  { value: 'county', zh: '县', en: 'County' },
  { value: 'township', zh: '乡镇', en: 'Township' },
  { value: 'village', zh: '村', en: 'Village' },
])

export const stationKinds = entries([
  { value: 'station', zh: '联络站', en: 'Station' },
  { value: 'room', zh: '联络室', en: 'Room' },
  { value: 'point', zh: '联络点', en: 'Point' },
  { value: 'home', zh: '代表之家', en: "Deputies' home" },
  { value: 'online', zh: '网上联络站', en: 'Online station' },
])

export const stationStatuses = entries([
  { value: 'planned', zh: '规划', en: 'Planned' },
  { value: 'building', zh: '建设中', en: 'Building' },
  { value: 'built', zh: '已建成', en: 'Built' },
  { value: 'standardised', zh: '已规范化', en: 'Standardised' },
])

/** The seven-item standard 七有, in the order registers list them. */
export const sevenItems = entries([
  { value: 'venue', zh: '场所', en: 'Fixed venue' },
  { value: 'signage', zh: '标识', en: 'Signage' },
  { value: 'equipment', zh: '设备', en: 'Office equipment' },
  { value: 'info', zh: '信息', en: 'Deputy information' },
  { value: 'rules', zh: '制度', en: 'Work rules' },
  { value: 'archives', zh: '档案', en: 'Archives' },
  { value: 'records', zh: '记录', en: 'Activity records' },
])

export const deputyLevels = entries([
  { value: 'national', zh: '全国', en: 'National' },
  { value: 'provincial', zh: '省', en: 'Provincial' },
  { value: 'city', zh: '市/州', en: 'City' },
  { value: 'county', zh: '县/区', en: 'County' },
  { value: 'township', zh: '乡/镇', en: 'Township' },
])

export const deputyCategories = entries([
  { value: 'official', zh: '职务代表', en: 'Official' },
  { value: 'enterprise', zh: '企业代表', en: 'Enterprise' },
  { value: 'rural', zh: '农村代表', en: 'Rural' },
  { value: 'professional', zh: '专业技术', en: 'Professional' },
  { value: 'other', zh: '其他', en: 'Other' },
])

export const receptionKinds = entries([
  { value: 'in_station', zh: '进站接待', en: 'In-station reception' },
  { value: 'visit', zh: '走访', en: 'Visit' },
  { value: 'online', zh: '网上接待', en: 'Online reception' },
  { value: 'themed', zh: '主题活动', en: 'Themed activity' },
  { value: 'inspection', zh: '视察调研', en: 'Inspection / research' },
  { value: 'training', zh: '学习培训', en: 'Training' },
])

export const opinionChannels = entries([
  { value: 'in_station', zh: '进站', en: 'In station' },
  { value: 'visit', zh: '走访', en: 'Visit' },
  { value: 'online', zh: '网上联络站', en: 'Online station' },
  { value: 'phone', zh: '电话', en: 'Phone' },
  { value: 'wechat', zh: '微信', en: 'WeChat' },
  { value: 'qr', zh: '扫码', en: 'QR code' },
])

export const opinionCategories = entries([
  { value: 'roads', zh: '道路交通', en: 'Roads & transport' },
  { value: 'water', zh: '农村饮水', en: 'Drinking water & drainage' },
  { value: 'irrigation', zh: '水利沟渠', en: 'Irrigation' },
  { value: 'sanitation', zh: '环境卫生', en: 'Sanitation & environment' },
  { value: 'health', zh: '医疗卫生', en: 'Healthcare' },
  { value: 'elderly', zh: '养老服务', en: 'Elderly care' },
  { value: 'education', zh: '教育', en: 'Education' },
  { value: 'social_security', zh: '社会保障', en: 'Social security & relief' },
  { value: 'employment', zh: '就业创业', en: 'Employment' },
  { value: 'land', zh: '土地山林', en: 'Land & forest' },
  { value: 'agriculture', zh: '农业农村', en: 'Agriculture & industry' },
  { value: 'housing', zh: '城乡建设', en: 'Construction & housing' },
  { value: 'property', zh: '物业管理', en: 'Property management' },
  { value: 'utilities', zh: '电力通信', en: 'Utilities' },
  { value: 'safety', zh: '社会治安', en: 'Public safety' },
  { value: 'culture', zh: '文体旅游', en: 'Culture & sport' },
  { value: 'services', zh: '政务服务', en: 'Government services' },
  { value: 'disputes', zh: '矛盾纠纷', en: 'Disputes & law' },
  { value: 'economy', zh: '经济发展', en: 'Economy' },
  { value: 'other', zh: '其他', en: 'Other' },
])

/** Workflow 收集 → 上报 → 办理 → 答复 → 办结; evaluation is recorded separately. */
export const opinionStatuses = entries([
  { value: 'collected', zh: '已收集', en: 'Collected' },
  { value: 'reported', zh: '已上报', en: 'Reported' },
  { value: 'handling', zh: '办理中', en: 'Handling' },
  { value: 'replied', zh: '已答复', en: 'Replied' },
  { value: 'resolved', zh: '已办结', en: 'Resolved' },
])

/** 四个一批: how an opinion was handled. */
export const opinionRoutes = entries([
  { value: 'deputy', zh: '代表自行解决', en: 'Resolved by the deputy' },
  { value: 'council', zh: '代表议事协商', en: "Deputies' council" },
  { value: 'departments', zh: '部门联动解决', en: 'Departments jointly' },
  { value: 'suggestion', zh: '转为代表建议', en: 'Formal suggestion' },
])

export const evaluations = entries([
  { value: 'satisfied', zh: '满意', en: 'Satisfied' },
  { value: 'basic', zh: '基本满意', en: 'Basically satisfied' },
  { value: 'unsatisfied', zh: '不满意', en: 'Unsatisfied' },
])

export const projectStatuses = entries([
  { value: 'approved', zh: '立项', en: 'Approved' },
  { value: 'in_progress', zh: '实施中', en: 'In progress' },
  { value: 'completed', zh: '已完工', en: 'Completed' },
  { value: 'cancelled', zh: '已取消', en: 'Cancelled' },
])

export const userRoles = entries([
  { value: 'admin', zh: '系统管理员', en: 'Administrator' },
  { value: 'leader', zh: '县人大常委会领导', en: 'County leader' },
  { value: 'township_head', zh: '乡镇人大主席', en: 'Township head' },
  { value: 'analyst', zh: '分析人员', en: 'Analyst' },
  { value: 'clerk', zh: '数据录入员', en: 'Data clerk' },
])

export const importKinds = entries([
  { value: 'stations', zh: '联络站', en: 'Stations' },
  { value: 'deputies', zh: '代表', en: 'Deputies' },
  { value: 'receptions', zh: '接待记录', en: 'Receptions' },
  { value: 'opinions', zh: '社情民意', en: 'Opinions' },
  { value: 'projects', zh: '微项目', en: 'Micro-projects' },
  { value: 'reportbacks', zh: '代表述职', en: 'Report-backs' },
  { value: 'plans', zh: '目标', en: 'Plans' },
])

type ValueOf<L extends readonly EnumEntry<string>[]> = L[number]['value']
export const valuesOf = <L extends readonly EnumEntry<string>[]>(list: L) =>
  list.map((e) => e.value) as [ValueOf<L>, ...ValueOf<L>[]]

export type RegionLevel = ValueOf<typeof regionLevels>
export type StationKind = ValueOf<typeof stationKinds>
export type StationStatus = ValueOf<typeof stationStatuses>
export type SevenItem = ValueOf<typeof sevenItems>
export type DeputyLevel = ValueOf<typeof deputyLevels>
export type DeputyCategory = ValueOf<typeof deputyCategories>
export type ReceptionKind = ValueOf<typeof receptionKinds>
export type OpinionChannel = ValueOf<typeof opinionChannels>
export type OpinionCategory = ValueOf<typeof opinionCategories>
export type OpinionStatus = ValueOf<typeof opinionStatuses>
export type OpinionRoute = ValueOf<typeof opinionRoutes>
export type Evaluation = ValueOf<typeof evaluations>
export type ProjectStatus = ValueOf<typeof projectStatuses>
export type UserRole = ValueOf<typeof userRoles>
export type ImportKind = ValueOf<typeof importKinds>
