/**
 * 评分规则: the rubric as a table for people — one row per check: its title, dimension, weight, deduction per
 * finding, cap and veto — plus the grade thresholds and deadlines; Chinese labels only. Saving writes a new
 * rubric version and re-scores every report at once; errors name the row.
 */
import { useEffect, useState } from 'react';
import type { RubricDocument } from '../../shared/api.ts';
import { api, errorText } from '../api/client.ts';
import { explainServiceError, rubricTable, tableToRubricJson, type RubricRow, type RubricTable } from '../rubric-table.ts';
import { useApp } from '../store.ts';

function RubricRowView({ row, index, dimensions, onChange }: { row: RubricRow; index: number; dimensions: string[]; onChange: (patch: Partial<RubricRow>) => void }) {
  const scored = row.dimension !== null;
  const n = index + 1;
  return (
    <tr className={scored ? undefined : 'unscored'} data-check={row.check}>
      <td className="num muted">{n}</td>
      <th scope="row" className="rubric-title">
        {row.title}
      </th>
      <td>
        <select aria-label={`第 ${n} 行 维度`} value={row.dimension ?? ''} onChange={(e) => onChange({ dimension: e.target.value || null })}>
          {dimensions.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
          <option value="">不计分</option>
        </select>
      </td>
      <td>
        <input aria-label={`第 ${n} 行 权重`} className="points" inputMode="decimal" disabled={!scored} value={row.weight} onChange={(e) => onChange({ weight: e.target.value })} />
      </td>
      <td className="rubric-deductions">
        {row.deductions.map((slot, i) => (
          <label key={slot.path.join('.')}>
            <span>{slot.label}</span>
            <input
              aria-label={`第 ${n} 行 扣分 ${slot.label}`}
              className="points"
              inputMode="decimal"
              disabled={!scored}
              value={slot.value}
              onChange={(e) => onChange({ deductions: row.deductions.map((s, j) => (j === i ? { ...s, value: e.target.value } : s)) })}
            />
          </label>
        ))}
      </td>
      <td>
        <input aria-label={`第 ${n} 行 扣分上限`} className="points" inputMode="decimal" disabled={!scored} placeholder={row.weight || '同权重'} value={row.cap} onChange={(e) => onChange({ cap: e.target.value })} />
      </td>
      <td className="center">
        <input type="checkbox" aria-label={`第 ${n} 行 一票否决`} disabled={!scored} checked={row.veto} onChange={(e) => onChange({ veto: e.target.checked })} />
      </td>
    </tr>
  );
}

export function RubricScreen() {
  const notify = useApp((s) => s.notify);
  const dataChanged = useApp((s) => s.dataChanged);
  const [rubric, setRubric] = useState<RubricDocument | null>(null);
  const [table, setTable] = useState<RubricTable | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState<'save' | 'rescore' | null>(null);
  const [dirty, setDirty] = useState(false);

  function load(doc: RubricDocument) {
    setRubric(doc);
    try {
      setTable(rubricTable(doc.json));
      setErrors([]);
    } catch (err) {
      setTable(null);
      setErrors([`评分规则无法显示：${errorText(err)}`]);
    }
    setDirty(false);
  }

  useEffect(() => {
    api
      .getRubric()
      .then(load)
      .catch((err) => setErrors([`无法读取评分规则：${errorText(err)}`]));
  }, []);

  function edit(change: (t: RubricTable) => RubricTable) {
    setTable((t) => (t ? change(t) : t));
    setDirty(true);
  }

  async function save() {
    if (!table) return;
    const written = tableToRubricJson(table);
    if ('errors' in written) {
      setErrors(written.errors);
      return;
    }
    setBusy('save');
    setErrors([]);
    try {
      const saved = await api.saveRubric({ json: written.json });
      load(saved);
      // Saving re-scores at once: the overview and the sheets never show points under the old rubric.
      const result = await api.rescoreAll();
      dataChanged();
      notify('info', `已保存为第 ${saved.version} 版评分规则，并已按新规则重新评分 ${result.reports} 份报告`);
    } catch (err) {
      setErrors([`保存失败：${explainServiceError(table, errorText(err))}`]);
    } finally {
      setBusy(null);
    }
  }

  async function rescore() {
    setBusy('rescore');
    try {
      const result = await api.rescoreAll();
      dataChanged();
      notify('info', `已按第 ${rubric?.version ?? ''} 版规则重新评分 ${result.reports} 份报告，用时 ${(result.ms / 1000).toFixed(1)} 秒`);
    } catch (err) {
      notify('error', `重新评分失败：${errorText(err)}`);
    } finally {
      setBusy(null);
    }
  }

  const total = table ? Math.round(table.rows.filter((r) => r.dimension !== null).reduce((a, r) => a + (Number(r.weight) || 0), 0) * 100) / 100 : 0;

  return (
    <div className="screen rubric-screen">
      <div className="toolbar">
        <h1>评分规则</h1>
        {rubric && (
          <span className="muted">
            当前：第 {rubric.version} 版 · {rubric.createdAt.slice(0, 16).replace('T', ' ')}
            {dirty ? ' · 有未保存的修改' : ''}
          </span>
        )}
        <span className="spacer" />
        <button type="button" className="primary" disabled={busy !== null || !dirty} onClick={() => void save()}>
          {busy === 'save' ? '正在保存并重新评分…' : '保存并重新评分'}
        </button>
        <button type="button" disabled={busy !== null || dirty} title={dirty ? '请先保存修改' : undefined} onClick={() => void rescore()}>
          {busy === 'rescore' ? '正在重新评分…' : '重新评分'}
        </button>
      </div>
      {errors.length > 0 && (
        <div className="error" role="alert">
          {errors.map((e) => (
            <p key={e}>{e}</p>
          ))}
        </div>
      )}
      {!rubric && errors.length === 0 && <p className="muted">正在读取…</p>}
      {table && (
        <>
          <p className="muted">
            满分 100 分：每个检查项的权重是它在所属维度中的分值，合计须为 100（现为 {total}）。每发现一个问题按“单项扣分”扣分，一项最多扣到“扣分上限”（留空即等于权重）。勾选“一票否决”的检查项未通过时，报告评为不合格。
          </p>
          <div className="table-scroll">
            <table className="grid rubric-table">
              <thead>
                <tr>
                  <th>行</th>
                  <th>检查项</th>
                  <th>维度</th>
                  <th>权重（分）</th>
                  <th>单项扣分（分）</th>
                  <th>扣分上限（分）</th>
                  <th>一票否决</th>
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row, i) => (
                  <RubricRowView
                    key={row.check}
                    row={row}
                    index={i}
                    dimensions={table.dimensions}
                    onChange={(patch) => edit((t) => ({ ...t, rows: t.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) }))}
                  />
                ))}
              </tbody>
            </table>
          </div>
          <section className="card rubric-extra">
            <h2>等次与报送期限</h2>
            <div className="rubric-extra-fields">
              {table.grades.map((g, i) => (
                <label key={g.grade}>
                  {g.grade}：不低于
                  <input
                    className="points"
                    inputMode="decimal"
                    value={g.min}
                    onChange={(e) => edit((t) => ({ ...t, grades: t.grades.map((x, j) => (j === i ? { ...x, min: e.target.value } : x)) }))}
                  />
                  分
                </label>
              ))}
              {table.deadlines.map((d, i) => (
                <label key={d.key}>
                  {d.label}
                  <input
                    className="month-day"
                    value={d.value}
                    onChange={(e) => edit((t) => ({ ...t, deadlines: t.deadlines.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)) }))}
                  />
                </label>
              ))}
            </div>
          </section>
        </>
      )}
    </div>
  );
}
