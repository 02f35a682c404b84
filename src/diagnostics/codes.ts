/**
 * The fixed list of diagnostic codes. Wording lives here, keyed by code; tests
 * assert codes and positions, never prose. `{name}` placeholders are filled from
 * the diagnostic's `data`.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface CodeInfo {
  readonly severity: Severity;
  readonly message: string;
  readonly hint?: string;
}

export const CODES = {
  // ── files and YAML syntax ───────────────────────────────────────────────
  FILE_TOO_LARGE: {
    severity: 'error',
    message: 'file is {size} bytes, above the limit of {limit} bytes',
    hint: 'split the rule set into topic files (one per field), each below the limit',
  },
  FILE_NOT_UTF8: {
    severity: 'error',
    message: 'file is not valid UTF-8 (first bad byte at offset {offset})',
    hint: 'save the file as UTF-8; GBK/GB18030 files must be converted first',
  },
  FILE_EMPTY: {
    severity: 'warning',
    message: 'file holds no YAML content',
    hint: 'remove the file or add items/lists to it',
  },
  YAML_SYNTAX: {
    severity: 'error',
    message: 'YAML syntax error: {detail}',
    hint: 'check indentation, quotes and colons around this position',
  },
  YAML_TAB_INDENT: {
    severity: 'error',
    message: 'tab character used for indentation',
    hint: 'YAML indentation must use spaces only',
  },
  YAML_DUPLICATE_KEY: {
    severity: 'error',
    message: 'duplicate key "{key}" in the same mapping',
    hint: 'each key may appear once; merge the two entries or rename one',
  },
  YAML_UNKNOWN_TAG: {
    severity: 'error',
    message: 'tag {tag} is not allowed in rule files',
    hint: 'rule files are plain data: remove the tag',
  },
  YAML_ALIAS_LIMIT: {
    severity: 'error',
    message: 'aliases expand to too many nodes (limit {limit})',
    hint: 'write the data out instead of nesting anchors and aliases',
  },
  YAML_TOO_DEEP: {
    severity: 'error',
    message: 'nesting is deeper than {limit} levels',
    hint: 'flatten the structure; conditions rarely need more than a few levels',
  },
  YAML_MULTIPLE_DOCUMENTS: {
    severity: 'error',
    message: 'file holds more than one YAML document',
    hint: 'remove the "---" separator or split the documents into separate files',
  },
  FORBIDDEN_KEY: {
    severity: 'error',
    message: 'key "{key}" is not allowed',
    hint: '__proto__, constructor and prototype are reserved and never valid in rule files',
  },

  // ── schema (shape of the data) ──────────────────────────────────────────
  SCHEMA_REQUIRED: {
    severity: 'error',
    message: 'missing required key "{key}"',
    hint: 'add "{key}" here; see the rule-file format in README',
  },
  SCHEMA_UNKNOWN_KEY: {
    severity: 'error',
    message: 'unknown key "{key}"',
    hint: 'check the spelling against the file format in README; keys are case-sensitive',
  },
  SCHEMA_TYPE: {
    severity: 'error',
    message: 'expected {expected}, got {received}',
  },
  SCHEMA_VALUE: {
    severity: 'error',
    message: '{detail}',
  },
  INVALID_DATE: {
    severity: 'error',
    message: '"{value}" is not a valid calendar date',
    hint: 'write dates as YYYY-MM-DD, e.g. 2025-03-01',
  },
  INVALID_DURATION: {
    severity: 'error',
    message: '"{value}" is not a valid ISO 8601 duration{detail}',
    hint: 'write durations like P2Y (2 years), P6M, P30D or PT4H',
  },
  PERIOD_NOT_IN_DAYS: {
    severity: 'error',
    message: 'period "{value}" is in hours or minutes; this window is counted in calendar days',
    hint: 'write the period in days, weeks, months or years, e.g. P2Y or P730D',
  },
  PERIOD_EMPTY: {
    severity: 'error',
    message: 'period "{value}" has no length',
    hint: 'a limitation, look-back or staleness window must be longer than zero, e.g. P2Y',
  },
  TEXT_CONTROL_CHARACTER: {
    severity: 'error',
    message: 'text holds the control character {char} (character {index})',
    hint: 'remove it: control characters, escape sequences and bidirectional overrides would change how reports show the text',
  },
  MONEY_NEGATIVE: {
    severity: 'error',
    message: 'money amount {value} is negative',
    hint: 'amounts are in yuan and cannot be below 0',
  },
  MONEY_PRECISION: {
    severity: 'error',
    message: 'money amount {value} has more than 2 decimals',
    hint: 'amounts are in yuan; the smallest unit is the fen (0.01)',
  },
  MONEY_TOO_LARGE: {
    severity: 'error',
    message: 'money amount {value} is beyond the supported maximum of {limit} yuan',
  },
  MONEY_PRODUCT_TOO_LARGE: {
    severity: 'error',
    message: '{fact} = {value} yuan times {times} is beyond the amounts computed exactly (at most {limit} yuan for this multiple)',
    hint: 'check the amount (yuan, not fen); a fine that large cannot be computed to the fen',
  },
  RANGE_INVERTED: {
    severity: 'error',
    message: 'range [{min}, {max}] has its minimum above its maximum',
    hint: 'write ranges as [min, max]',
  },

  // ── rule-set structure and references ───────────────────────────────────
  POLICY_CONTRADICTS: {
    severity: 'error',
    message: '{detail}',
    hint: 'a rule set may refine the law, not contradict it or itself: correct the value',
  },
  RULESET_EMPTY: {
    severity: 'error',
    message: 'no rule files (*.yaml, *.yml) found',
    hint: 'a rule set is a folder with index.yaml and topic files',
  },
  RULESET_NO_INDEX: {
    severity: 'error',
    message: 'rule set has no index.yaml',
    hint: 'add index.yaml with id, title, issuer, version, effective and laws',
  },
  RULESET_MISPLACED_KEY: {
    severity: 'error',
    message: '"{key}" belongs in {where}',
    hint: 'identity, laws and policy go in index.yaml; items and lists in topic files or index.yaml',
  },
  DUPLICATE_ITEM: {
    severity: 'error',
    message: 'item code "{code}" is already used at {other}',
    hint: 'item codes must be unique within a rule set',
  },
  DUPLICATE_LIST_ENTRY: {
    severity: 'error',
    message: 'list entry id "{id}" is already used at {other}',
    hint: 'list entry ids must be unique within a rule set',
  },
  DUPLICATE_ID: {
    severity: 'error',
    message: '{what} id "{id}" is used twice in this {scope}',
  },
  DUPLICATE_FACT: {
    severity: 'error',
    message: 'fact "{name}" is declared again with a different type ({type} vs {other})',
    hint: 'a fact has one type throughout a rule set',
  },
  UNKNOWN_ITEM: {
    severity: 'error',
    message: 'unknown item "{code}"',
    hint: 'list entries and cases must name item codes declared in the rule set',
  },
  UNKNOWN_LAW: {
    severity: 'error',
    message: 'law "{law}" is not declared in index.yaml laws',
    hint: 'declare it under laws: in index.yaml, e.g. {law}: { title: ..., version: YYYY-MM-DD }',
  },
  ARTICLE_OUT_OF_RANGE: {
    severity: 'error',
    message: 'article {article} is beyond the {articles} articles declared for law "{law}"',
    hint: 'check the article number against the current text of the law',
  },
  UNKNOWN_FACT: {
    severity: 'error',
    message: 'fact "{fact}" is not declared',
    hint: 'declare it under facts: (rule set or item), with its type; known here: {known}',
  },
  UNKNOWN_OPERATOR: {
    severity: 'error',
    message: 'unknown operator "{operator}"',
    hint: 'operators: equal, notEqual, lessThan, lessThanInclusive, greaterThan, greaterThanInclusive, in, notIn',
  },
  OPERATOR_TYPE_MISMATCH: {
    severity: 'error',
    message: 'operator "{operator}" cannot be used on {type} fact "{fact}"',
    hint: '{hintDetail}',
  },
  FACT_TYPE_MISMATCH: {
    severity: 'error',
    message: 'fact "{fact}" is {type}, but is compared with {value}',
    hint: '{hintDetail}',
  },
  CONDITION_INVALID: {
    severity: 'error',
    message: 'invalid condition: {detail}',
    hint: 'a condition is { all: [...] }, { any: [...] }, { not: ... } or { fact, operator, value }',
  },
  CONDITION_PATH: {
    severity: 'error',
    message: 'JSONPath "path" is not supported in rule files',
    hint: 'declare a separate fact for the value you need and compare it directly',
  },
  UNKNOWN_CIRCUMSTANCE: {
    severity: 'error',
    message: 'unknown circumstance "{name}"',
    hint: 'declare it under circumstances: in the rule set, or use a built-in one: {known}',
  },
  UNKNOWN_BRANCH: {
    severity: 'error',
    message: 'statutory branch "{branch}" does not exist in item "{item}"',
    hint: 'branches: {known}',
  },
  UNKNOWN_TIER: {
    severity: 'error',
    message: 'tier "{tier}" does not exist in item "{item}"',
    hint: 'tiers: {known}',
  },
  FACT_NOT_MONEY: {
    severity: 'error',
    message: 'fact "{fact}" is used as the base of a multiple but is {type}, not money',
    hint: 'multiples apply to money facts such as goodsValue or illegalGains',
  },
  FACT_NOT_COUNT: {
    severity: 'error',
    message: 'fact "{fact}" is what a fine per unit counts but is {type}, not a count or number',
    hint: 'a fine per unit (每平方米, 每株) counts a count or number fact, e.g. area: { type: number, unit: 平方米 }',
  },

  // ── semantic checks (verify) ──────────────────────────────────────────
  TIER_OVERLAP: {
    severity: 'error',
    message: '{example} matches "{tier}" and "{other}" of item {item}{branchText}{overlapText}',
    hint: 'under hitPolicy unique exactly one tier may match: make the bounds meet without overlapping (e.g. lessThan 10000 in one tier, greaterThanInclusive 10000 in the next), or give the item hitPolicy: priority',
  },
  TIER_GAP: {
    severity: 'error',
    message: 'no tier of item {item}{branchText} applies when {region}{exampleText}',
    hint: '{hintDetail}',
  },
  TIER_MASKED: {
    severity: 'error',
    message: 'tier "{tier}" of item {item} can never win: every case it matches is taken first by {cover} (hitPolicy priority)',
    hint: 'move the tier above the ones that cover it, narrow those, or remove it',
  },
  TIER_UNREACHABLE: {
    severity: 'error',
    message: 'tier "{tier}" of item {item} can never apply: {reason}',
    hint: '{hintDetail}',
  },
  TIER_GRADE_MISSING: {
    severity: 'error',
    message: 'item {item}{branchText} has no {grade} tier ({gradeText}); cases of that grade get no tier',
    hint: 'add a tier with grade: {grade}{branchHint}',
  },
  TIER_GRADE_DUPLICATE: {
    severity: 'error',
    message: 'tier "{tier}" has grade {grade}, like tier "{other}" earlier in item {item}{branchText}; only the first is ever used',
    hint: 'keep one tier per grade and branch, or choose these tiers by facts (when:)',
  },
  CONDITION_TOO_COMPLEX: {
    severity: 'warning',
    message: '{what} is too complex to analyse (more than {limit} boxes in its disjunctive normal form); checks that depend on it are skipped for item {item}',
    hint: 'split the condition into simpler tiers (fewer nested any/not), or keep the finding with an ignore: entry and a reason',
  },
  TIER_OUTSIDE_STATUTORY: {
    severity: 'error',
    message: 'tier "{tier}" of item {item} ({range}) is outside the statutory range {statutory}{where}',
    hint: '行政处罚法 Art. 76: a benchmark may not change the statutory range; keep the tier within {statutory}',
  },
  TIER_RANGE_KIND: {
    severity: 'error',
    message: 'tier "{tier}" of item {item} gives {tierKind}, but the statutory fine{where} is {statutory}',
    hint: 'use share: (part of the statutory range) or amount: (yuan) for a fixed range; multiple: only for a fine in multiples of a base amount; amount: only for a fine with no statutory amount (处以罚款)',
  },
  TIER_KIND_NOT_STATUTORY: {
    severity: 'error',
    message: 'tier "{tier}" of item {item} imposes {kind}, which the statutory clause{where} does not provide ({kinds})',
    hint: '行政处罚法 Art. 76 forbids changing the kind of penalty: list only kinds the clause provides',
  },
  TIER_SHARE_ORDER: {
    severity: 'error',
    message: 'tier "{tier}" ({grade}, share {range}) is not above tier "{other}" ({otherGrade}, share {otherRange}) in item {item}{branchText}',
    hint: 'shares rise with the grade: 从轻 ≤ 一般 ≤ 从重 at both ends, e.g. [0, 0.3], [0.3, 0.7], [0.7, 1]',
  },
  TIER_GRADE_INVERTED: {
    severity: 'error',
    message: '从轻 tier "{tier}" ({range}) reaches above 从重 tier "{other}" ({otherRange}) in item {item}{branchText}',
    hint: 'a lighter tier must start and end no higher than a heavier one; check the bounds or the grades',
  },
  FINE_RANGE_TOO_WIDE: {
    severity: 'warning',
    message: 'tier "{tier}" of item {item} allows {range}{where}: the highest is {ratio}× the lowest; the range may be too wide',
    hint: '国发〔2024〕5号 asks that fine ranges not be too wide; cailiang warns above 10×: narrow the tier or split it by facts',
  },
  REDUCED_FLOOR_NOT_BELOW_MINIMUM: {
    severity: 'error',
    message: 'policy reducedFloor {floor} is not below the statutory minimum {min} of item {item}{where}; 减轻 could not go below the minimum',
    hint: '减轻 means below the statutory minimum (行政处罚法 Art. 32): lower reducedFloor, set it to null, or keep the item with an ignore: entry',
  },
  PARENT_UNKNOWN: {
    severity: 'error',
    message: 'extends "{parent}", but no rule set with that id was found',
    hint: 'verify the parent with it, e.g. cailiang verify rules/ (the folder holding both), or correct the id',
  },
  PARENT_CYCLE: {
    severity: 'error',
    message: 'rule sets extend each other in a cycle: {chain}',
    hint: 'a city extends its province, a province the national benchmark; remove one extends:',
  },
  PARENT_TIER_EXCEEDED: {
    severity: 'error',
    message: 'tier "{tier}" of item {item} ({range}) goes beyond {parent} tier "{parentTier}" ({parentRange}){where}',
    hint: '国办发〔2022〕27号: a lower level may refine the upper level\'s benchmark but not exceed its tiers or ranges; keep the tier within {parentRange}',
  },
  STATUTE_LAW_NOT_FOUND: {
    severity: 'warning',
    message: 'law "{law}" ({title}, version {version}) is not in the statute collection; versions there: {versions}',
    hint: 'check the title and the version date against the text (file 短标题(YYYY-MM-DD).md), or add the text to the collection',
  },
  STATUTE_ARTICLE_MISSING: {
    severity: 'error',
    message: 'item {item} cites {citation}, which 《{law}》 in that version does not have',
    hint: 'check the article, paragraph (款) and item (项) numbers against the text of the version cited',
  },
  STATUTE_NO_PENALTY: {
    severity: 'warning',
    message: 'item {item}: {citation} sets no administrative penalty that the statute reader found',
    hint: 'penalizedBy names the paragraph of the 法律责任 chapter that sets the penalty',
  },
  STATUTE_UNREAD: {
    severity: 'info',
    message: 'item {item}: {citation} could not be read fully ({reason}); its figures were not checked against the text',
    hint: 'check the statutory model by hand against the paragraph',
  },
  STATUTE_RANGE_MISMATCH: {
    severity: 'error',
    message: 'item {item}: fine {found}, but {citation} sets {expected}: “{wording}”',
    hint: 'copy the range from the text (以上 and 以下 are both inclusive)',
  },
  STATUTE_MULTIPLE_MISMATCH: {
    severity: 'error',
    message: 'item {item}: fine {found}, but {citation} sets {expected}: “{wording}”',
    hint: 'copy the multiples from the text',
  },
  STATUTE_BASE_MISMATCH: {
    severity: 'error',
    message: 'item {item}: fine {found} is a multiple of another base than {citation} sets ({expected}): “{wording}”',
    hint: 'multiple.of names the fact the text takes the multiple of (货值金额 goodsValue, 违法所得 illegalGains …)',
  },
  STATUTE_KIND_EXTRA: {
    severity: 'error',
    message: 'item {item}: penalty kind {kind} is not set by {citation}: “{wording}”',
    hint: 'list under kinds only what the paragraph imposes',
  },
  STATUTE_KIND_MISSING: {
    severity: 'warning',
    message: 'item {item}: {citation} also sets {kind}, which the item does not list: “{wording}”',
    hint: 'add the kind (in the branch where the text sets it), or record under ignore: why it is left out',
  },
  STATUTE_FINE_MISSING: {
    severity: 'warning',
    message: 'item {item}: {citation} sets a fine of {expected} that no clause of the item models: “{wording}”',
    hint: 'add the branch (e.g. 货值金额一万元以上, 情节严重) or record under ignore: why it is left out',
  },
  TIER_NO_CITATION: {
    severity: 'warning',
    message: 'tier "{tier}" of item {item} cites no basis',
    hint: 'add cites: [{ law: <key>, article: <n> }] naming the provision the tier applies (usually the penalty article)',
  },
  LIST_NO_XZCFF_CITATION: {
    severity: 'warning',
    message: 'list entry "{id}" cites no article of 中华人民共和国行政处罚法',
    hint: 'cite the article the entry rests on, e.g. Art. 33(1) for 不予处罚, Art. 32 for 从轻/减轻; declare the law under laws: with title 中华人民共和国行政处罚法',
  },
  RULESET_EXPIRED: {
    severity: 'warning',
    message: 'rule set {id} {version} was in force until {to}; it has expired (as of {asOf})',
    hint: 'add the version now in force, or extend effective.to if the issuer has extended it',
  },
  RULESET_STALE: {
    severity: 'warning',
    message: 'rule set {id} was last reviewed on {reviewed}, more than {staleAfter} before {asOf}',
    hint: 'check the rule set against the current laws and documents, then update reviewed: (policy.staleAfter sets the period)',
  },
  LIST_SOURCE_EXPIRED: {
    severity: 'warning',
    message: 'list entry "{id}": its source {document} was valid until {validUntil} (as of {asOf})',
    hint: 'replace the entry with the list now in force, or remove it',
  },
  TIER_NOT_EXERCISED: {
    severity: 'warning',
    message: 'no fixture exercises tier "{tier}" of item {item}',
    hint: 'add a fixture whose case lands in this tier (cailiang test shows the tier each fixture reaches)',
  },
  LIST_ENTRY_NOT_EXERCISED: {
    severity: 'warning',
    message: 'no fixture exercises list entry "{id}"',
    hint: 'add a fixture whose case meets this entry\'s conditions',
  },
  IGNORE_UNKNOWN_CODE: {
    severity: 'error',
    message: 'ignore names "{code}", which is not a code of a semantic check',
    hint: 'codes that can be ignored: {known}',
  },

  // ── cases ───────────────────────────────────────────────────────────────
  CASE_DATE_ORDER: {
    severity: 'error',
    message: '{later} ({laterValue}) is before {earlier} ({earlierValue})',
    hint: 'check the case dates: act ≤ actEnd ≤ discovered ≤ decision',
  },
  CASE_HISTORY_DATE: {
    severity: 'error',
    message: 'prior violation on {date} is after the act ({act})',
    hint: 'history lists violations before this act (for the 首违 window); correct the date or remove the entry',
  },
  CASE_AGE_MISMATCH: {
    severity: 'error',
    message: 'party.age {age} disagrees with party.birthDate {birthDate} ({line}:{column}): on the act date {act} the party was {computed} full years old',
    hint: 'a person reaches an age on the day after the birthday; correct the age or the birth date, or give only the birth date',
  },
  CASE_FACTS_CONTRADICT: {
    severity: 'warning',
    message: '{side} contradicts {other}: {reason}',
    hint: 'a case cannot hold both: check the file and remove the side that is wrong; until then no recommendation is given (outcome undetermined)',
  },
  CASE_RULESET_MISMATCH: {
    severity: 'error',
    message: 'case names rule set "{wanted}", but "{got}" was given',
    hint: 'pass the rule set the case names, or remove ruleSet: from the case',
  },
  CASE_NO_VERSION: {
    severity: 'warning',
    message: 'no version of rule set "{id}" is in force on {date} (versions: {versions}): evaluated on the statute alone, with the statutory model of version {model}, no tier, no list and no recommended amount',
    hint: 'check the act date, or add the version of the rule set in force then',
  },
  CASE_BENCHMARK_FACT_IGNORED: {
    severity: 'warning',
    message: '{kind} "{name}" is declared by benchmark "{benchmark}", which has no version in force at the act; the statutory layer "{layer}" the case is judged under does not use it',
    hint: 'nothing to correct: the layer judges on the statute alone and leaves the benchmark\'s own facts out; they count again for an act under a version of the benchmark',
  },
  CASE_NO_RULESET: {
    severity: 'error',
    message: '{detail}',
    hint: 'name the rule set with ruleSet: in the case, or pass the right --rules folder',
  },
  CATALOG_OVERLAP: {
    severity: 'error',
    message: 'version {version} of rule set "{id}" is in force {from} – {to}, overlapping version {other} ({otherFrom} – {otherTo})',
    hint: 'end the earlier version the day before the later one starts (effective.to)',
  },
  CASE_FACT_NOT_FOR_ITEM: {
    severity: 'warning',
    message: 'fact "{fact}" is not used by item {item}',
    hint: 'check the item code; the fact is ignored',
  },

  // ── file system (node / CLI) ────────────────────────────────────────────
  IO_NOT_FOUND: {
    severity: 'error',
    message: 'no such file or folder',
  },
  IO_NOT_DIRECTORY: {
    severity: 'error',
    message: 'expected a rule-set folder, found a file',
    hint: 'pass the folder that holds index.yaml',
  },
  NDJSON_LINE_TOO_LONG: {
    severity: 'error',
    message: 'line is longer than {limit} bytes (one case)',
    hint: 'each NDJSON line holds one case; a case is a few kilobytes, so check that the lines are not joined',
  },
  IO_LINK_OUTSIDE: {
    severity: 'error',
    message: 'is a symbolic link to a file outside its rule-set folder; it is not read',
    hint: 'copy the file into the folder, or link to a file inside it',
  },
  RULESET_DIR_SKIPPED: {
    severity: 'warning',
    message: 'folder not read: {reason}',
    hint: 'give the folder itself on the command line (or move it) if its rule set is meant to be read',
  },
  IO_READ_FAILED: {
    severity: 'error',
    message: 'cannot read: {detail}',
  },
} as const satisfies Record<string, CodeInfo>;

/** A diagnostic code (SCREAMING_SNAKE), one of {@link CODES}. */
export type DiagnosticCode = keyof typeof CODES;
