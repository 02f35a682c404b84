/**
 * Deterministic generator of the province-scale benchmark input (issue #8):
 *
 *   .bench/rules/province/index.yaml      identity, laws, policy, rule-set facts and circumstances
 *   .bench/rules/province/fNN-<code>.yaml 50 topic files, one per field (领域): items and list entries
 *   .bench/cases.ndjson                   1,000,000 cases, one JSON object per line
 *   .bench/manifest.json                  generator version, seed and counts (regeneration is skipped
 *                                         when it matches and the files are there)
 *
 * Everything comes from one seeded PRNG (mulberry32, seed 42): the same version
 * and options give the same bytes. The rule set is valid for the current
 * loader and `cailiang verify` is clean (tiers by facts are non-overlapping and
 * gap-free bands of a primary fact, optionally joined with an enum or a boolean).
 *
 * Run: node --import tsx test/bench/generate.ts [--out .bench] [--cases 1000000] [--force]
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

/** Bump whenever the output changes, so that stale .bench/ files are regenerated. */
export const GENERATOR_VERSION = 5;
export const SEED = 42;
export const FIELDS_COUNT = 50;
export const ITEMS_PER_FIELD = 221; // 11,050 items
export const LISTS_PER_FIELD = 22; // 1,100 list entries
export const DEFAULT_CASES = 1_000_000;
export const RULESET_ID = 'cn-bench-province';
/** Reference date for verify (validity and staleness checks). */
export const AS_OF = '2026-12-01';

// ── PRNG ──────────────────────────────────────────────────────────────────

/** mulberry32: a small, fast 32-bit PRNG; uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(a: readonly T[]): T {
    return a[Math.floor(this.next() * a.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Log-uniform in [lo, hi]. */
  logUniform(lo: number, hi: number): number {
    return Math.exp(Math.log(lo) + this.next() * (Math.log(hi) - Math.log(lo)));
  }
}

// ── vocabulary ────────────────────────────────────────────────────────────

/** 50 fields: code prefix, 领域 name, the law (key, title, article count), and nouns for item names. */
const FIELDS: readonly { code: string; name: string; law: string; title: string; nouns: readonly string[] }[] = [
  { code: 'SPAQ', name: '食品安全', law: 'spaqf', title: '中华人民共和国食品安全法', nouns: ['食品添加剂', '进货查验记录', '散装食品', '预包装食品标签'] },
  { code: 'YPGL', name: '药品监管', law: 'ypglf', title: '中华人民共和国药品管理法', nouns: ['处方药', '药品追溯信息', '中药饮片', '药品说明书'] },
  { code: 'YLQX', name: '医疗器械', law: 'ylqxtl', title: '医疗器械监督管理条例', nouns: ['第二类医疗器械', '医疗器械注册证', '体外诊断试剂', '使用记录'] },
  { code: 'HZP', name: '化妆品', law: 'hzptl', title: '化妆品监督管理条例', nouns: ['特殊化妆品', '化妆品原料', '产品备案资料', '功效宣称'] },
  { code: 'TZSB', name: '特种设备', law: 'tzsbf', title: '中华人民共和国特种设备安全法', nouns: ['电梯', '压力容器', '起重机械', '定期检验'] },
  { code: 'CPZL', name: '产品质量', law: 'cpzlf', title: '中华人民共和国产品质量法', nouns: ['不合格产品', '产品标识', '生产许可证', '抽查样品'] },
  { code: 'JLGL', name: '计量', law: 'jlf', title: '中华人民共和国计量法', nouns: ['计量器具', '强制检定', '定量包装商品', '计量标准'] },
  { code: 'BZH', name: '标准化', law: 'bzhf', title: '中华人民共和国标准化法', nouns: ['企业标准', '强制性标准', '团体标准', '标准编号'] },
  { code: 'RZRK', name: '认证认可', law: 'rzrktl', title: '中华人民共和国认证认可条例', nouns: ['认证证书', '认证标志', '强制性产品认证', '检测报告'] },
  { code: 'GGJG', name: '广告监管', law: 'ggf', title: '中华人民共和国广告法', nouns: ['医疗广告', '保健食品广告', '广告代言', '互联网广告'] },
  { code: 'JGJD', name: '价格监督', law: 'jgf', title: '中华人民共和国价格法', nouns: ['明码标价', '政府指导价', '价格欺诈', '收费公示'] },
  { code: 'FBZD', name: '反不正当竞争', law: 'fbzdjzf', title: '中华人民共和国反不正当竞争法', nouns: ['商业秘密', '虚假宣传', '有奖销售', '商业贿赂'] },
  { code: 'XFZ', name: '消费者权益', law: 'xfzqyf', title: '中华人民共和国消费者权益保护法', nouns: ['退货义务', '消费者个人信息', '格式条款', '三包凭证'] },
  { code: 'WLJY', name: '网络交易', law: 'wljybf', title: '网络交易监督管理办法', nouns: ['平台规则', '经营者身份信息', '直播营销', '交易记录'] },
  { code: 'SB', name: '商标', law: 'sbf', title: '中华人民共和国商标法', nouns: ['注册商标', '商标标识', '驰名商标', '商标代理'] },
  { code: 'ZL', name: '专利', law: 'zlf', title: '中华人民共和国专利法', nouns: ['专利标识', '专利号', '专利代理', '专利证书'] },
  { code: 'DJZC', name: '登记注册', law: 'djgltl', title: '中华人民共和国市场主体登记管理条例', nouns: ['营业执照', '变更登记', '年度报告', '注册资本'] },
  { code: 'HTJG', name: '合同监管', law: 'htjgbf', title: '合同行政监督管理办法', nouns: ['格式条款', '合同示范文本', '合同欺诈', '电子合同'] },
  { code: 'ZX', name: '直销监管', law: 'zxgltl', title: '直销管理条例', nouns: ['直销员', '直销产品', '退换货制度', '信息报备'] },
  { code: 'DZSW', name: '电子商务', law: 'dzswf', title: '中华人民共和国电子商务法', nouns: ['搜索结果', '押金退还', '商品评价', '自动续费'] },
  { code: 'AQSC', name: '安全生产', law: 'aqscf', title: '中华人民共和国安全生产法', nouns: ['安全生产责任制', '安全培训', '事故隐患', '应急预案'] },
  { code: 'XF', name: '消防', law: 'xff', title: '中华人民共和国消防法', nouns: ['消防设施', '疏散通道', '消防安全检查', '防火门'] },
  { code: 'WHP', name: '危险化学品', law: 'whpaqtl', title: '危险化学品安全管理条例', nouns: ['危险化学品', '储存场所', '安全技术说明书', '剧毒化学品'] },
  { code: 'YHBZ', name: '烟花爆竹', law: 'yhbztl', title: '烟花爆竹安全管理条例', nouns: ['烟花爆竹', '零售许可证', '礼花弹', '运输许可'] },
  { code: 'KSAQ', name: '矿山安全', law: 'ksaqf', title: '中华人民共和国矿山安全法', nouns: ['井下作业', '通风设施', '采矿设备', '矿山救护'] },
  { code: 'DQWR', name: '大气污染', law: 'dqwrfzf', title: '中华人民共和国大气污染防治法', nouns: ['扬尘', '挥发性有机物', '在线监测设备', '露天焚烧'] },
  { code: 'SWR', name: '水污染', law: 'swrfzf', title: '中华人民共和国水污染防治法', nouns: ['排污口', '污水处理设施', '水污染物', '雨污分流'] },
  { code: 'GTFW', name: '固体废物', law: 'gtfwf', title: '中华人民共和国固体废物污染环境防治法', nouns: ['危险废物', '建筑垃圾', '转移联单', '贮存场所'] },
  { code: 'ZSWR', name: '噪声污染', law: 'zswrfzf', title: '中华人民共和国噪声污染防治法', nouns: ['夜间施工', '社会生活噪声', '噪声排放', '隔声设施'] },
  { code: 'TRWR', name: '土壤污染', law: 'trwrfzf', title: '中华人民共和国土壤污染防治法', nouns: ['土壤污染状况调查', '风险管控', '农用地', '修复方案'] },
  { code: 'HJYP', name: '环境影响评价', law: 'hjyxpjf', title: '中华人民共和国环境影响评价法', nouns: ['环境影响报告书', '环评批复', '建设项目', '验收报告'] },
  { code: 'SRHW', name: '城市市容', law: 'srhwtl', title: '城市市容和环境卫生管理条例', nouns: ['户外广告', '临时设施', '沿街晾晒', '垃圾容器'] },
  { code: 'CSDL', name: '城市道路', law: 'csdlgltl', title: '城市道路管理条例', nouns: ['挖掘道路', '占用道路', '管线井盖', '道路标线'] },
  { code: 'CXGH', name: '城乡规划', law: 'cxghf', title: '中华人民共和国城乡规划法', nouns: ['建设工程规划许可证', '临时建设', '规划条件', '违法建筑'] },
  { code: 'JZSC', name: '建筑市场', law: 'jzf', title: '中华人民共和国建筑法', nouns: ['施工许可证', '资质证书', '工程分包', '施工图纸'] },
  { code: 'FDC', name: '房地产', law: 'csfdcglf', title: '中华人民共和国城市房地产管理法', nouns: ['商品房预售', '房屋租赁', '房地产经纪', '合同备案'] },
  { code: 'RQGL', name: '燃气管理', law: 'rqgltl', title: '城镇燃气管理条例', nouns: ['瓶装燃气', '燃气设施', '燃气经营许可证', '报警装置'] },
  { code: 'DLYS', name: '道路运输', law: 'dlystl', title: '中华人民共和国道路运输条例', nouns: ['道路运输证', '客运班线', '危险货物运输', '超限运输'] },
  { code: 'SLYS', name: '水路运输', law: 'slysgltl', title: '国内水路运输管理条例', nouns: ['船舶营运证', '水路客运', '港口作业', '船员配备'] },
  { code: 'JTAQ', name: '交通安全', law: 'dljtaqf', title: '中华人民共和国道路交通安全法', nouns: ['机动车号牌', '驾驶证', '超载', '安全技术检验'] },
  { code: 'WHSC', name: '文化市场', law: 'yyxcsgltl', title: '娱乐场所管理条例', nouns: ['娱乐场所', '营业时间', '从业人员名簿', '未成年人'] },
  { code: 'LYSC', name: '旅游市场', law: 'lyf', title: '中华人民共和国旅游法', nouns: ['导游证', '旅游合同', '团队旅游', '购物场所'] },
  { code: 'CBW', name: '出版物', law: 'cbgltl', title: '出版管理条例', nouns: ['出版物', '书号', '印刷委托书', '发行许可'] },
  { code: 'GBDS', name: '广播电视', law: 'gbdsgltl', title: '广播电视管理条例', nouns: ['卫星地面接收设施', '节目播出', '广播电视设施', '有线电视'] },
  { code: 'JYPX', name: '教育培训', law: 'mbjyf', title: '中华人民共和国民办教育促进法', nouns: ['办学许可证', '培训收费', '招生简章', '师资信息'] },
  { code: 'RLZY', name: '人力资源', law: 'jycjf', title: '中华人民共和国就业促进法', nouns: ['招聘信息', '人力资源服务许可', '职业介绍', '求职者信息'] },
  { code: 'SHBX', name: '社会保险', law: 'shbxf', title: '中华人民共和国社会保险法', nouns: ['社会保险登记', '社会保险费', '社保待遇', '参保信息'] },
  { code: 'LDBZ', name: '劳动保障', law: 'ldbzjctl', title: '劳动保障监察条例', nouns: ['劳动合同', '工资支付', '工作时间', '女职工保护'] },
  { code: 'NYTR', name: '农业投入品', law: 'nygltl', title: '农药管理条例', nouns: ['农药', '兽药', '种子', '肥料登记'] },
  { code: 'DWFY', name: '动物防疫', law: 'dwfyf', title: '中华人民共和国动物防疫法', nouns: ['动物检疫证明', '病死动物', '强制免疫', '动物诊疗'] },
];

const PREFIXES = ['未按规定', '擅自', '违规', '未经许可', '超范围', '伪造', '未如实', '拒不'];
const ACTIONS = ['生产', '销售', '储存', '运输', '使用', '处置', '提供', '经营', '记录', '公示'];

type FactKind = 'money' | 'count' | 'number' | 'enum' | 'boolean';
interface FactSpec {
  readonly name: string;
  readonly type: FactKind;
  readonly label: string;
  readonly unit?: string;
  readonly values?: readonly string[];
  readonly valueLabels?: Readonly<Record<string, string>>;
  /** Threshold ladder for bands (primary numeric facts). */
  readonly ladder?: readonly number[];
  /** A case's value. */
  readonly sample: (r: Rng) => number | string | boolean;
}

const money = (lo: number, hi: number) => (r: Rng) => Math.round(r.logUniform(lo, hi) * 100) / 100;
const count = (lo: number, hi: number) => (r: Rng) => Math.min(hi, lo + Math.floor(r.logUniform(1, hi - lo + 2)) - 1);

/** 20 rule-set facts: 6 money, 5 count, 1 number, 3 enum, 5 boolean. */
const FACTS: readonly FactSpec[] = [
  { name: 'goodsValue', type: 'money', label: '货值金额', ladder: [1000, 2000, 5000, 10000, 20000, 50000, 100000, 200000, 500000], sample: money(10, 1_000_000) },
  { name: 'illegalGains', type: 'money', label: '违法所得', ladder: [500, 1000, 2000, 5000, 10000, 20000, 50000, 100000], sample: money(5, 500_000) },
  { name: 'salesAmount', type: 'money', label: '销售金额', ladder: [2000, 5000, 10000, 30000, 50000, 100000, 300000, 1000000], sample: money(20, 2_000_000) },
  { name: 'contractAmount', type: 'money', label: '合同金额', ladder: [10000, 50000, 100000, 500000, 1000000, 5000000], sample: money(100, 10_000_000) },
  { name: 'projectCost', type: 'money', label: '工程造价', ladder: [100000, 300000, 1000000, 3000000, 10000000, 30000000], sample: money(1000, 50_000_000) },
  { name: 'damageAmount', type: 'money', label: '直接经济损失', ladder: [1000, 5000, 10000, 50000, 100000, 500000], sample: money(10, 1_000_000) },
  { name: 'violationCount', type: 'count', label: '违法次数', ladder: [2, 3, 5, 10], sample: count(1, 20) },
  { name: 'affectedPersons', type: 'count', label: '涉及人数', ladder: [3, 10, 30, 50, 100], sample: count(0, 300) },
  { name: 'durationDays', type: 'count', label: '违法持续天数', ladder: [7, 15, 30, 90, 180], sample: count(1, 365) },
  { name: 'itemCount', type: 'count', label: '涉案物品数量', ladder: [10, 50, 100, 500, 1000], sample: count(1, 3000) },
  { name: 'vehicleCount', type: 'count', label: '涉案车辆数', ladder: [2, 5, 10, 20], sample: count(1, 50) },
  { name: 'occupiedArea', type: 'number', label: '占地面积', unit: 'm²', ladder: [5, 10, 20, 50, 100, 200], sample: (r) => Math.round(r.logUniform(0.5, 500) * 10) / 10 },
  {
    name: 'businessStage',
    type: 'enum',
    label: '生产经营环节',
    values: ['production', 'sale', 'catering', 'storage', 'transport'],
    valueLabels: { production: '生产', sale: '销售', catering: '餐饮服务', storage: '贮存', transport: '运输' },
    sample: (r) => r.pick(['production', 'sale', 'catering', 'storage', 'transport']),
  },
  {
    name: 'scale',
    type: 'enum',
    label: '经营规模',
    values: ['micro', 'small', 'medium', 'large'],
    valueLabels: { micro: '微型', small: '小型', medium: '中型', large: '大型' },
    sample: (r) => r.pick(['micro', 'micro', 'small', 'small', 'medium', 'large']),
  },
  {
    name: 'location',
    type: 'enum',
    label: '发生地点',
    values: ['urban', 'rural', 'protected'],
    valueLabels: { urban: '城区', rural: '农村', protected: '保护区域' },
    sample: (r) => r.pick(['urban', 'urban', 'rural', 'protected']),
  },
  { name: 'harmCaused', type: 'boolean', label: '造成危害后果', sample: (r) => r.chance(0.2) },
  { name: 'sourceExplained', type: 'boolean', label: '能如实说明来源', sample: (r) => r.chance(0.7) },
  { name: 'recalled', type: 'boolean', label: '已主动召回或者停止', sample: (r) => r.chance(0.4) },
  { name: 'licensed', type: 'boolean', label: '持有有效许可', sample: (r) => r.chance(0.8) },
  { name: 'vulnerableInvolved', type: 'boolean', label: '涉及未成年人或者老年人', sample: (r) => r.chance(0.1) },
];
const MONEY_FACTS = FACTS.filter((f) => f.type === 'money');
const NUMERIC_FACTS = FACTS.filter((f) => f.ladder !== undefined);
const factByName = new Map(FACTS.map((f) => [f.name, f]));

/** Circumstances a case may list (built in, plus the rule set's own two). */
const CASE_CIRCUMSTANCES = [
  'correctedInTime',
  'correctedInTime',
  'harmMinor',
  'harmNone',
  'cooperated',
  'minorViolation',
  'intentional',
  'refusedToCorrect',
  'harmSerious',
  'eliminatedHarm',
  'secondaryRole',
  'repeatWithinYear',
  'concealedEvidence',
];

// ── YAML writing ──────────────────────────────────────────────────────────

type Flow = string | number | boolean | null | readonly Flow[] | { readonly [k: string]: Flow | undefined };

const PLAIN = /^[\p{Script=Han}A-Za-z_][\p{Script=Han}A-Za-z0-9_\-.（）〔〕《》、，²]*$/u;
const RESERVED = new Set(['true', 'false', 'null', 'yes', 'no', 'on', 'off', 'y', 'n', '~']);

function scalar(s: string): string {
  return PLAIN.test(s) && !RESERVED.has(s.toLowerCase()) ? s : JSON.stringify(s);
}

/** A value in YAML flow style (JSON-compatible, plain scalars where safe). */
function flow(v: Flow): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return scalar(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(flow).join(', ')}]`;
  const parts: string[] = [];
  for (const [k, x] of Object.entries(v)) if (x !== undefined) parts.push(`${k}: ${flow(x)}`);
  return `{ ${parts.join(', ')} }`;
}

// ── rule set ──────────────────────────────────────────────────────────────

type Cond = { all: Cond[] } | { any: Cond[] } | { fact: string; operator: string; value: Flow };
const leaf = (fact: string, operator: string, value: Flow): Cond => ({ fact, operator, value });

const TIER_LABELS: Record<number, readonly string[]> = {
  3: ['情节较轻', '情节一般', '情节严重'],
  4: ['情节轻微', '情节较轻', '情节较重', '情节严重'],
  5: ['情节轻微', '情节较轻', '情节一般', '情节较重', '情节严重'],
};
const SHARES: Record<number, readonly number[]> = {
  3: [0, 0.3, 0.7, 1],
  4: [0, 0.25, 0.5, 0.75, 1],
  5: [0, 0.2, 0.4, 0.6, 0.8, 1],
};
const AMOUNT_LOWS = [200, 500, 1000, 2000, 3000, 5000, 10000, 20000, 30000, 50000];
const AMOUNT_FACTORS = [2, 3, 5, 10];

interface GenItem {
  code: string;
  primary: string;
  yaml: string;
}

function money2(v: number): number {
  return Math.round(v * 100) / 100;
}

/** Consecutive thresholds from a ladder: k-1 of them, increasing. */
function thresholds(r: Rng, ladder: readonly number[], n: number): number[] {
  const start = r.int(0, ladder.length - n);
  const out: number[] = [];
  let i = start;
  for (let j = 0; j < n; j++) {
    out.push(ladder[i]!);
    // Skip a rung now and then, while enough rungs remain.
    const left = n - j - 1;
    i += ladder.length - (i + 1) > left && r.chance(0.3) ? 2 : 1;
  }
  return out;
}

/** Band i of k over thresholds t: [t[i-1], t[i]) with open ends. */
function band(fact: string, t: readonly number[], i: number): Cond[] {
  const parts: Cond[] = [];
  if (i > 0) parts.push(leaf(fact, 'greaterThanInclusive', t[i - 1]!));
  if (i < t.length) parts.push(leaf(fact, 'lessThan', t[i]!));
  return parts;
}

/**
 * The tier conditions of one item: a partition of the fact space (no overlap,
 * no gap). `bands`: k bands of the primary fact; `enum` / `bool`: the top tier
 * is "primary ≥ t or <enum / boolean>", the lower bands exclude it.
 */
function tierConditions(r: Rng, primary: FactSpec, k: number): Cond[] {
  const t = thresholds(r, primary.ladder!, k - 1);
  const pattern = r.next();
  if (pattern < 0.5) {
    return Array.from({ length: k }, (_, i) => ({ all: band(primary.name, t, i) }));
  }
  let extra: Cond;
  let notExtra: Cond;
  if (pattern < 0.75) {
    const e = r.pick(['scale', 'location', 'businessStage'] as const);
    const v = e === 'scale' ? ['large'] : e === 'location' ? ['protected'] : [r.pick(['production', 'catering'])];
    extra = leaf(e, 'in', v);
    notExtra = leaf(e, 'notIn', v);
  } else {
    const b = r.pick(['harmCaused', 'vulnerableInvolved'] as const);
    extra = leaf(b, 'equal', true);
    notExtra = leaf(b, 'equal', false);
  }
  return Array.from({ length: k }, (_, i) =>
    i === k - 1 ? { any: [...band(primary.name, t, i), extra] } : { all: [...band(primary.name, t, i), notExtra] },
  );
}

const DIGITS = '〇一二三四五六七八九';

/** 1–999 in Chinese numerals, as articles are numbered (一百二十三). */
function cn(n: number): string {
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  let out = h > 0 ? `${DIGITS[h]}百` : '';
  if (t > 0) out += `${h === 0 && t === 1 ? '' : DIGITS[t]}十`;
  else if (h > 0 && u > 0) out += '零';
  if (u > 0) out += DIGITS[u];
  return out || DIGITS[0]!;
}

const CLAUSES = [
  '本事项适用于当事人在生产经营活动中实施的上述行为',
  '同一违法行为违反多个法律规范应当给予罚款处罚的，按照罚款数额高的规定处罚',
  '当事人有证据足以证明没有主观过错的，不予行政处罚',
  '违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚',
  '初次违法且危害后果轻微并及时改正的，可以不予行政处罚',
  '涉及多个违法情节的，应当综合考虑违法行为的事实、性质、情节以及社会危害程度',
  '罚款数额的确定应当与违法行为的事实、性质、情节以及社会危害程度相当',
  '主动消除或者减轻违法行为危害后果的，应当从轻或者减轻行政处罚',
];

/** A long Chinese description, wrapped as folded lines the way hand-written files wrap them. */
function description(r: Rng, field: (typeof FIELDS)[number], name: string): string[] {
  const parts = [`${name}，属于${field.name}领域的违法行为，依照《${field.title}》的有关规定予以处罚`];
  const k = r.int(1, 3);
  for (let i = 0; i < k; i++) parts.push(r.pick(CLAUSES));
  const text = parts.join('；') + '。';
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += 40) lines.push(text.slice(i, i + 40));
  return lines;
}

function genItem(r: Rng, field: (typeof FIELDS)[number], fi: number, ii: number, anchors: boolean): GenItem {
  const code = `${field.code}-${String(fi + 1).padStart(2, '0')}${String(ii + 1).padStart(3, '0')}`;
  const name = `${r.pick(PREFIXES)}${r.pick(ACTIONS)}${r.pick(field.nouns)}`;
  const article = r.int(20, 140);
  const penArticle = Math.min(150, article + r.int(20, 60));
  const k = r.pick([3, 3, 4, 4, 4, 5]);
  const model = r.next();
  const L: string[] = [];
  const penalized = { law: field.law, article: penArticle, paragraph: r.int(1, 3) };
  // As hand-written files are: a comment before an entry now and then, one after a key, long
  // Chinese descriptions as folded block scalars, and (in the files that use them) an anchor
  // for the citation every tier repeats.
  if (r.chance(0.3)) L.push(`  # ${field.title}第${cn(penArticle)}条第${cn(penalized.paragraph)}款；违反第${cn(article)}条`);
  L.push(`  - code: ${code}${r.chance(0.5) ? `  # 第${cn(penArticle)}条` : ''}`);
  L.push(`    name: ${scalar(name)}`);
  L.push(`    field: ${field.name}`);
  if (r.chance(0.4)) {
    L.push('    description: >-');
    for (const line of description(r, field, name)) L.push(`      ${line}`);
  }
  L.push(`    violates: [{ law: ${field.law}, article: ${article} }]`);
  L.push(`    penalizedBy: [${flow(penalized)}]`);
  if (r.chance(0.1)) {
    L.push('    unverified: |-');
    L.push(`      处罚条款据${field.title}文本摘录，款项编号未与正式公布的文本逐一核对。`);
    L.push(`      # 不是注释：块标量里的井号是正文。罚款幅度以第${cn(penArticle)}条为准。`);
  }
  const anchor = anchors ? `c${fi + 1}x${ii + 1}` : undefined;

  // Statutory penalty: fixed range, by party, "up to", a multiple, or branches on a money threshold.
  let primary: FactSpec;
  let amountRange: [number, number] | undefined; // for absolute tier amounts
  L.push('    statutory:');
  if (model < 0.2) {
    // 货值金额不足 T 元的，处 lo–hi 元罚款；T 元以上的，处货值金额 a–b 倍罚款.
    primary = r.pick(MONEY_FACTS.slice(0, 3));
    const T = r.pick([5000, 10000, 20000]);
    const lo = r.pick([10000, 20000, 50000]);
    const m = r.pick([[2, 5], [5, 10], [10, 20]] as const);
    L.push(`      kinds: [${r.chance(0.5) ? 'confiscateGains, ' : ''}fine]`);
    L.push(`      cites: [${flow(penalized)}]`);
    L.push('      branches:');
    L.push(`        - id: under-${T}`);
    L.push(`          label: ${primary.label}不足${T}元`);
    L.push(`          when: ${flow({ all: [leaf(primary.name, 'lessThan', T)] } as Flow)}`);
    L.push(`          fine: { amount: [${lo}, ${lo * 2}] }`);
    L.push(`        - id: ${T}-plus`);
    L.push(`          label: ${primary.label}${T}元以上`);
    L.push('          otherwise: true');
    L.push(`          fine: { multiple: { of: ${primary.name}, range: [${m[0]}, ${m[1]}] } }`);
  } else {
    primary = model < 0.35 ? r.pick(MONEY_FACTS) : r.pick(NUMERIC_FACTS);
    const kinds = r.pick(['[fine]', '[warning, fine]', '[confiscateGains, fine]', '[warning, confiscateGains, fine]']);
    L.push(`      kinds: ${kinds}`);
    if (model < 0.35) {
      L.push(`      fine: { multiple: { of: ${primary.name}, range: [${r.pick([[1, 3], [1, 5], [2, 5], [3, 10]] as const).join(', ')}] } }`);
    } else if (model < 0.5) {
      const p = r.pick(AMOUNT_LOWS.slice(0, 5));
      const o = r.pick(AMOUNT_LOWS.slice(3));
      L.push(`      fine:`);
      L.push(`        person: { amount: [${p}, ${p * r.pick(AMOUNT_FACTORS)}] }`);
      L.push(`        organization: { amount: [${o}, ${o * r.pick(AMOUNT_FACTORS)}] }`);
    } else if (model < 0.6) {
      L.push(`      fine: { upTo: ${r.pick([2000, 5000, 10000, 30000, 50000])} }`);
    } else {
      const lo = r.pick(AMOUNT_LOWS);
      amountRange = [lo, lo * r.pick(AMOUNT_FACTORS)];
      L.push(`      fine: { amount: [${amountRange[0]}, ${amountRange[1]}] }`);
    }
    if (r.chance(0.05)) L.push('      fineOnlyIf: refusedToCorrect');
    L.push(`      cites: [${flow(penalized)}]`);
  }

  // Tiers chosen by facts.
  const conds = tierConditions(r, primary, k);
  const shares = SHARES[k]!;
  const absolute = amountRange !== undefined && r.chance(0.4);
  L.push('    tiers:');
  for (let i = 0; i < k; i++) {
    const label = TIER_LABELS[k]![i]!;
    L.push(`      - id: t${i + 1}`);
    L.push(`        label: ${label}`);
    L.push(`        when: ${flow(conds[i] as Flow)}`);
    if (absolute) {
      const [lo, hi] = amountRange!;
      const a = Math.round((lo + (hi - lo) * shares[i]!) / 100) * 100;
      const b = Math.round((lo + (hi - lo) * shares[i + 1]!) / 100) * 100;
      L.push(`        amount: [${Math.max(lo, a)}, ${Math.min(hi, b)}]`);
    } else {
      L.push(`        share: [${shares[i]}, ${shares[i + 1]}]`);
    }
    L.push(`        cites: ${anchor === undefined ? `[${flow(penalized)}]` : i === 0 ? `&${anchor} [${flow(penalized)}]` : `*${anchor}`}`);
  }
  return { code, primary: primary.name, yaml: L.join('\n') };
}

function genList(r: Rng, field: (typeof FIELDS)[number], fi: number, li: number, items: readonly GenItem[], docNo: number): string {
  const n = r.pick([1, 1, 1, 2, 3]);
  const start = r.int(0, items.length - n);
  const covered = items.slice(start, start + n);
  const primary = factByName.get(covered[0]!.primary)!;
  const x = r.next();
  const kind = x < 0.5 ? 'exempt' : x < 0.65 ? 'exempt' : x < 0.85 ? 'lighter' : 'reduced';
  const firstOffence = x < 0.5;
  const low = primary.ladder![r.int(0, 2)]!;
  const L: string[] = [];
  L.push(`  - id: ${field.code.toLowerCase()}-l${String(li + 1).padStart(2, '0')}`);
  L.push(`    kind: ${kind}`);
  if (kind === 'exempt') L.push(`    basis: ${firstOffence ? 'first-offence' : 'minor'}`);
  L.push(`    title: ${scalar(`${field.name}${firstOffence ? '首违不罚' : kind === 'exempt' ? '轻微免罚' : kind === 'lighter' ? '从轻处罚' : '减轻处罚'}第${li + 1}项`)}`);
  L.push(`    items: [${covered.map((i) => i.code).join(', ')}]`);
  const when: Cond[] = [leaf(primary.name, 'lessThanInclusive', low)];
  if (kind === 'exempt' && r.chance(0.5)) when.push(leaf('recalled', 'equal', true));
  if (kind !== 'exempt' && r.chance(0.5)) when.push(leaf('sourceExplained', 'equal', true));
  L.push(`    when: ${flow({ all: when } as Flow)}`);
  if (kind === 'exempt') L.push(`    unless: ${flow({ any: [leaf('harmCaused', 'equal', true), leaf('intentional', 'equal', true)] } as Flow)}`);
  if (firstOffence) L.push(`    lookBack: { window: ${r.pick(['P1Y', 'P2Y', 'P2Y', 'P3Y'])} }`);
  const cite = kind === 'exempt' ? { law: 'xzcff', article: 33, paragraph: 1 } : { law: 'xzcff', article: 32 };
  L.push(`    cites: [${flow(cite)}]`);
  L.push(`    source: { document: 示省${field.code.toLowerCase()}规〔2025〕${docNo}号, date: 2025-0${1 + (fi % 9)}-15, entry: ${li + 1} }`);
  return L.join('\n');
}

function indexYaml(): string {
  const L: string[] = [];
  L.push('# Generated by test/bench/generate.ts (benchmark input; not a real benchmark).');
  L.push(`id: ${RULESET_ID}`);
  L.push('region: { code: "990000", name: 示例省 }');
  L.push('title: 示例省行政处罚裁量基准（基准测试用生成数据）');
  L.push('issuer: 示例省人民政府（生成数据）');
  L.push('document: 示政规〔2025〕1号');
  L.push('version: "2025.1"');
  L.push('effective: { from: 2025-01-01, to: null }');
  L.push('reviewed: 2026-06-30');
  L.push('laws:');
  for (const f of FIELDS) L.push(`  ${f.law}: { title: ${f.title}, version: 2021-01-01, articles: 160 }`);
  L.push('  xzcff: { title: 中华人民共和国行政处罚法, version: 2021-01-22, effective: 2021-07-15, articles: 86 }');
  L.push('policy:');
  L.push('  split: [0.3, 0.7]');
  L.push('  point: midpoint');
  L.push('  rounding: 100');
  L.push('  reducedFloor: null');
  L.push('  firstOffenceWindow: P2Y');
  L.push('  hearing: { person: 10000, organization: 100000 }');
  L.push('facts:');
  for (const f of FACTS) {
    const decl: Record<string, Flow | undefined> = { type: f.type, label: f.label };
    if (f.unit) decl.unit = f.unit;
    if (f.values) decl.values = f.values as Flow;
    if (f.valueLabels) decl.valueLabels = f.valueLabels as Flow;
    if (f.type === 'money' || f.type === 'count') decl.aggravating = true;
    L.push(`  ${f.name}: ${flow(decl as Flow)}`);
  }
  L.push('circumstances:');
  L.push('  repeatWithinYear: { label: 一年内再次违法, effect: aggravating }');
  L.push('  activeRecall: { label: 主动召回问题产品, effect: mitigating-optional }');
  return L.join('\n') + '\n';
}

// ── cases ─────────────────────────────────────────────────────────────────

const DAY = 86_400_000;
const EPOCH_2025 = Date.UTC(2025, 0, 1);
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

function caseLine(r: Rng, n: number, codes: readonly string[]): string {
  const item = r.pick(codes);
  const act = EPOCH_2025 + r.int(30, 580) * DAY; // 2025-01-31 … 2026-08-04
  const discovered = act + r.int(0, 60) * DAY;
  const decision = discovered + r.int(5, 90) * DAY;
  const facts: Record<string, number | string | boolean> = {};
  for (const f of FACTS) facts[f.name] = f.sample(r);
  const c: Record<string, unknown> = {
    id: `C${String(n).padStart(7, '0')}`,
    item,
    party: r.chance(0.3) ? { kind: 'person' } : { kind: 'organization' },
    dates: { act: iso(act), discovered: iso(discovered), decision: iso(decision) },
    facts,
  };
  const nc = r.pick([0, 0, 1, 1, 2]);
  if (nc > 0) {
    const cs = new Set<string>();
    for (let i = 0; i < nc; i++) cs.add(r.pick(CASE_CIRCUMSTANCES));
    c.circumstances = [...cs];
  }
  if (r.chance(0.15)) {
    c.history = [{ item: r.chance(0.6) ? item : r.pick(codes), date: iso(act - r.int(30, 1500) * DAY) }];
  }
  return JSON.stringify(c);
}

// ── main ──────────────────────────────────────────────────────────────────

export interface Manifest {
  readonly generatorVersion: number;
  readonly seed: number;
  readonly items: number;
  readonly lists: number;
  readonly tiers: number;
  readonly cases: number;
  readonly ruleFiles: number;
  readonly ruleBytes: number;
  readonly caseBytes: number;
}

export interface GenerateOptions {
  readonly out: string;
  readonly cases?: number;
  readonly force?: boolean;
  readonly log?: (s: string) => void;
}

/** Writes the benchmark input under `out` unless a manifest of the same version and size is there. */
export function generate(options: GenerateOptions): { manifest: Manifest; skipped: boolean; seconds: number } {
  const t0 = performance.now();
  const out = resolve(options.out);
  const cases = options.cases ?? DEFAULT_CASES;
  const log = options.log ?? (() => {});
  const manifestPath = join(out, 'manifest.json');
  const rulesDir = join(out, 'rules', 'province');
  const casesPath = join(out, 'cases.ndjson');
  if (!options.force && existsSync(manifestPath) && existsSync(casesPath) && existsSync(join(rulesDir, 'index.yaml'))) {
    try {
      const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
      if (m.generatorVersion === GENERATOR_VERSION && m.seed === SEED && m.cases === cases && statSync(casesPath).size === m.caseBytes) {
        log(`generate: .bench is up to date (generator v${GENERATOR_VERSION}, ${m.items} items, ${m.cases} cases): skipped`);
        return { manifest: m, skipped: true, seconds: (performance.now() - t0) / 1000 };
      }
    } catch {
      // regenerate
    }
  }
  rmSync(join(out, 'rules'), { recursive: true, force: true });
  rmSync(manifestPath, { force: true });
  mkdirSync(rulesDir, { recursive: true });

  const r = new Rng(SEED);
  let ruleBytes = 0;
  const write = (name: string, text: string) => {
    writeFileSync(join(rulesDir, name), text);
    ruleBytes += Buffer.byteLength(text);
  };
  write('index.yaml', indexYaml());
  const codes: string[] = [];
  let lists = 0;
  let tiers = 0;
  FIELDS.forEach((field, fi) => {
    const items: GenItem[] = [];
    // Anchors and aliases in a few files, as in the bundled rules (5 of their 130-odd files).
    const anchors = fi % 25 === 7;
    for (let ii = 0; ii < ITEMS_PER_FIELD; ii++) items.push(genItem(r, field, fi, ii, anchors));
    for (const it of items) {
      codes.push(it.code);
      tiers += (it.yaml.match(/^ {6}- id: t\d/gm) ?? []).length;
    }
    const entries: string[] = [];
    for (let li = 0; li < LISTS_PER_FIELD; li++) entries.push(genList(r, field, fi, li, items, 10 + fi));
    lists += entries.length;
    const text = [
      `# Generated by test/bench/generate.ts: ${field.name}（${ITEMS_PER_FIELD} items, ${LISTS_PER_FIELD} list entries）`,
      'items:',
      ...items.map((i) => i.yaml),
      'lists:',
      ...entries,
      '',
    ].join('\n');
    write(`f${String(fi + 1).padStart(2, '0')}-${field.code.toLowerCase()}.yaml`, text);
  });
  log(`generate: ${codes.length} items, ${tiers} tiers, ${lists} list entries, ${(ruleBytes / 1e6).toFixed(1)} MB of YAML in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // Cases, from their own stream of the PRNG (so the rule set does not depend on the case count).
  const cr = new Rng(SEED + 1);
  const fd = openSync(casesPath, 'w');
  let caseBytes = 0;
  let chunk: string[] = [];
  for (let n = 1; n <= cases; n++) {
    chunk.push(caseLine(cr, n, codes));
    if (chunk.length === 20_000 || n === cases) {
      const s = chunk.join('\n') + '\n';
      caseBytes += Buffer.byteLength(s);
      writeSync(fd, s);
      chunk = [];
    }
  }
  closeSync(fd);
  const manifest: Manifest = {
    generatorVersion: GENERATOR_VERSION,
    seed: SEED,
    items: codes.length,
    lists,
    tiers,
    cases,
    ruleFiles: FIELDS.length + 1,
    ruleBytes,
    caseBytes,
  };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
  const seconds = (performance.now() - t0) / 1000;
  log(`generate: ${cases} cases, ${(caseBytes / 1e6).toFixed(0)} MB of NDJSON; total ${seconds.toFixed(1)} s`);
  return { manifest, skipped: false, seconds };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: '.bench' },
      cases: { type: 'string', default: String(DEFAULT_CASES) },
      force: { type: 'boolean', default: false },
    },
  });
  const cases = Number(values.cases);
  if (!Number.isInteger(cases) || cases < 1) throw new Error(`--cases takes a positive whole number, got ${values.cases}`);
  generate({ out: values.out!, cases, force: values.force!, log: (s) => console.log(s) });
}
