import { describe, expect, it } from 'vitest';
import { cli } from '../../src/cli/cli.js';
import { bufferIO } from '../helpers.js';

async function run(...argv: string[]) {
  const io = bufferIO();
  const code = await cli(argv, io);
  return { code, out: io.out, err: io.err };
}

const OLD = 'rules/cn-road-transport-2022';
const NEW = 'rules/cn-road-transport-2023';

describe('cailiang diff', () => {
  it('shows the changed statutory ranges of 道路运输条例 Art. 63 between the 2022 and 2023 texts', async () => {
    const r = await run('diff', OLD, NEW);
    expect(r.code).toBe(0);
    expect(r.out).toContain('# 裁量基准变更：cn-road-transport 2022.1 → cn-road-transport 2023.1');
    expect(r.out).toContain('- 【修改】`DLYS-63-PASSENGER/clause/gains-under-20k` 罚款：3万元至10万元 → 1万元至10万元');
    expect(r.out).toContain('- 【新增】`DLYS-63-FREIGHT/clause/ordinary`：没有违法所得或者违法所得不足1万元：3,000元至1万元');
    expect(r.out).toContain('- 【删除】`DLYS-63-FREIGHT/clause/gains-20k-plus`：违法所得2万元以上：违法所得2倍至10倍');
    expect(r.out).toContain('施行：2022-05-01 至 2023-07-19 → 2023-07-20 至 …');
  });

  it('prints JSON in a stable order, the same bytes twice', async () => {
    const a = await run('diff', OLD, NEW, '--format', 'json');
    const b = await run('diff', OLD, NEW, '--format', 'json');
    expect(a.out).toBe(b.out);
    const d = JSON.parse(a.out);
    expect(d.old.version).toBe('2022.1');
    expect(d.new.version).toBe('2023.1');
    const keys = d.changes.map((c: { area: string; key: string }) => `${c.area} ${c.key}`);
    expect(keys).toContain('clause DLYS-63-FREIGHT/clause/serious');
    expect(d.changes.find((c: { key: string; field?: string }) => c.key === 'DLYS-64' )).toBeUndefined();
  });

  it('reports no change between a rule set and itself', async () => {
    const r = await run('diff', OLD, OLD);
    expect(r.out).toContain('两个版本内容相同');
  });

  it('exits 2 on usage and I/O problems', async () => {
    expect((await run('diff', OLD)).code).toBe(2);
    expect((await run('diff', OLD, 'rules/nope')).code).toBe(2);
  });
});
