/**
 * 评分规则: the rubric as a form generated from its JSON (every number, text and switch editable, labelled by
 * its field name with a Chinese gloss where known), plus a raw JSON editor. Saving creates a new rubric
 * version; 重新评分 re-scores every stored report with it.
 */
import { useEffect, useState } from 'react';
import type { RubricDocument } from '../../shared/api.ts';
import { api, errorText } from '../api/client.ts';
import { checkTitle, CHECK_TITLES } from '../labels.ts';
import { useApp } from '../store.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** Chinese glosses for common rubric field names; unknown names are shown as they are. */
const GLOSS: Record<string, string> = {
  id: '标识',
  name: '名称',
  title: '标题',
  version: '版本',
  description: '说明',
  total: '总分',
  weight: '权重（分）',
  weights: '权重',
  dimension: '维度',
  dimensions: '评分维度',
  checks: '检查项',
  check: '检查项',
  deduction: '扣分',
  deductions: '扣分规则',
  per: '每项扣分',
  perUnit: '每项扣分',
  perItem: '每项扣分',
  max: '上限',
  min: '下限',
  points: '分值',
  kind: '情形',
  kinds: '按情形扣分',
  grades: '等级',
  gradeBands: '等级划分',
  bands: '扣分区间',
  grade: '等级',
  label: '说明',
  deadline: '报送截止',
  deadlineDate: '报送截止日期',
  date: '日期',
  month: '月',
  day: '日',
  days: '天数',
  enabled: '启用',
  veto: '否决项',
  vetoes: '否决项',
  keywords: '关键词',
  localItems: '本地要求事项',
  threshold: '阈值',
  thresholds: '阈值',
  uncertain: '存疑时扣分',
  missing: '缺失时扣分',
  legacy: '旧版格式（2008条例）',
  current: '现行格式',
  government: '人民政府',
  type: '扣分方式',
  unit: '计量单位',
  substitutes: '替代规则',
  replaces: '替代的检查项',
  profiles: '适用的报告格式',
  unreadable: '无法读取',
  notReport: '不是年度报告',
  notSubmitted: '未报送',
};

/** Values of `type` in deduction rules, shown as a choice. */
const DEDUCTION_TYPES: Record<string, string> = {
  fixed: '固定扣分（fixed）',
  perUnit: '按数量扣分（perUnit）',
  bands: '按区间扣分（bands）',
  perKind: '按情形扣分（perKind）',
};

function gloss(key: string | number): string {
  if (typeof key === 'number') return `第 ${key + 1} 项`;
  if (CHECK_TITLES[key]) return `${checkTitle(key)}（${key}）`;
  const g = GLOSS[key];
  return g ? `${g}（${key}）` : key;
}

function setAt(root: Json, path: Path, value: Json): Json {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(root)) {
    const copy = [...root];
    copy[head as number] = setAt(copy[head as number] ?? null, rest, value);
    return copy;
  }
  const object = (root ?? {}) as { [key: string]: Json };
  return { ...object, [head as string]: setAt(object[head as string] ?? null, rest, value) };
}

function itemName(value: Json, index: number): string {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const key of ['name', 'label', 'title', 'check', 'id', 'grade']) {
      const v = value[key];
      if (typeof v === 'string') return `${index + 1}. ${CHECK_TITLES[v] ? `${checkTitle(v)}（${v}）` : v}`;
    }
  }
  return `第 ${index + 1} 项`;
}

function Field({ name, value, path, onChange, depth }: { name: string; value: Json; path: Path; onChange: (path: Path, value: Json) => void; depth: number }) {
  const id = `rubric-${path.join('-')}`;
  if (value !== null && typeof value === 'object') {
    const entries: [string | number, Json][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    const body = (
      <div className={Array.isArray(value) ? 'json-array' : 'json-object'}>
        {entries.map(([key, child]) => (
          <Field
            key={key}
            name={Array.isArray(value) ? itemName(child, key as number) : gloss(key)}
            value={child}
            path={[...path, key]}
            onChange={onChange}
            depth={depth + 1}
          />
        ))}
        {entries.length === 0 && <span className="muted">（空）</span>}
      </div>
    );
    if (depth === 0) return body;
    return (
      <details className="json-group" open>
        <summary>{name}</summary>
        {body}
      </details>
    );
  }
  if (typeof value === 'boolean') {
    return (
      <label className="json-field check" htmlFor={id}>
        <input id={id} type="checkbox" checked={value} onChange={(e) => onChange(path, e.target.checked)} />
        {name}
      </label>
    );
  }
  if (typeof value === 'number') {
    return (
      <label className="json-field" htmlFor={id}>
        <span className="json-label">{name}</span>
        <input
          id={id}
          type="number"
          step="any"
          defaultValue={value}
          data-path={path.join('.')}
          onChange={(e) => {
            const next = Number(e.target.value);
            if (e.target.value.trim() !== '' && Number.isFinite(next)) onChange(path, next);
          }}
        />
      </label>
    );
  }
  if (path.at(-1) === 'type' && typeof value === 'string' && value in DEDUCTION_TYPES) {
    return (
      <label className="json-field" htmlFor={id}>
        <span className="json-label">{name}</span>
        <select id={id} value={value} data-path={path.join('.')} onChange={(e) => onChange(path, e.target.value)}>
          {Object.entries(DEDUCTION_TYPES).map(([key, label]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </select>
      </label>
    );
  }
  return (
    <label className="json-field" htmlFor={id}>
      <span className="json-label">{name}</span>
      <input
        id={id}
        type="text"
        value={value ?? ''}
        placeholder={value === null ? '（空）' : undefined}
        data-path={path.join('.')}
        onChange={(e) => onChange(path, value === null && e.target.value === '' ? null : e.target.value)}
      />
    </label>
  );
}

export function RubricScreen() {
  const notify = useApp((s) => s.notify);
  const dataChanged = useApp((s) => s.dataChanged);
  const [rubric, setRubric] = useState<RubricDocument | null>(null);
  const [draft, setDraft] = useState<Json>(null);
  const [raw, setRaw] = useState('');
  const [mode, setMode] = useState<'form' | 'raw'>('form');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'rescore' | null>(null);
  const [dirty, setDirty] = useState(false);
  const [formKey, setFormKey] = useState(0);

  function load(doc: RubricDocument) {
    setRubric(doc);
    try {
      setDraft(JSON.parse(doc.json) as Json);
      setRaw(JSON.stringify(JSON.parse(doc.json), null, 2));
    } catch {
      setDraft(null);
      setRaw(doc.json);
      setMode('raw');
    }
    setDirty(false);
    setFormKey((k) => k + 1);
  }

  useEffect(() => {
    api
      .getRubric()
      .then(load)
      .catch((err) => setError(`无法读取评分规则：${errorText(err)}`));
  }, []);

  function switchMode(next: 'form' | 'raw') {
    if (next === mode) return;
    if (next === 'raw') setRaw(JSON.stringify(draft, null, 2));
    else {
      try {
        setDraft(JSON.parse(raw) as Json);
        setFormKey((k) => k + 1);
        setError(null);
      } catch (err) {
        setError(`JSON 格式错误，无法切换到表单：${errorText(err)}`);
        return;
      }
    }
    setMode(next);
  }

  async function save() {
    let json: string;
    if (mode === 'raw') {
      try {
        json = JSON.stringify(JSON.parse(raw), null, 2);
      } catch (err) {
        setError(`JSON 格式错误：${errorText(err)}`);
        return;
      }
    } else json = JSON.stringify(draft, null, 2);
    setBusy('save');
    setError(null);
    try {
      const saved = await api.saveRubric({ json });
      load(saved);
      // Saving re-scores at once: the overview and the sheets never show points under the old rubric.
      const result = await api.rescoreAll();
      dataChanged();
      notify('info', `已保存为第 ${saved.version} 版评分规则，并已按新规则重新评分 ${result.reports} 份报告`);
    } catch (err) {
      setError(`保存失败：${errorText(err)}`);
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
        <div className="segmented" role="tablist">
          <button type="button" role="tab" aria-selected={mode === 'form'} className={mode === 'form' ? 'tab active' : 'tab'} onClick={() => switchMode('form')}>
            表单
          </button>
          <button type="button" role="tab" aria-selected={mode === 'raw'} className={mode === 'raw' ? 'tab active' : 'tab'} onClick={() => switchMode('raw')}>
            JSON
          </button>
        </div>
        <button type="button" className="primary" disabled={busy !== null || !dirty} onClick={() => void save()}>
          {busy === 'save' ? '正在保存…' : '保存为新版本'}
        </button>
        <button type="button" disabled={busy !== null || dirty} title={dirty ? '请先保存修改' : undefined} onClick={() => void rescore()}>
          {busy === 'rescore' ? '正在重新评分…' : '重新评分'}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!rubric && !error && <p className="muted">正在读取…</p>}
      {rubric && mode === 'form' && (
        <div className="rubric-form" key={formKey}>
          <Field
            name=""
            value={draft}
            path={[]}
            depth={0}
            onChange={(path, value) => {
              setDraft((current) => setAt(current, path, value));
              setDirty(true);
            }}
          />
        </div>
      )}
      {rubric && mode === 'raw' && (
        <textarea
          className="json-editor"
          spellCheck={false}
          value={raw}
          aria-label="评分规则 JSON"
          onChange={(e) => {
            setRaw(e.target.value);
            setDirty(true);
          }}
        />
      )}
    </div>
  );
}
