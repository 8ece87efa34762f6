/**
 * 单位: the office's own name (heads every printed document), the year's roster (名单: paste or .xlsx/.csv,
 * so the overview shows 未报送/逾期), reports whose department was not recognised (归入 a department), and the
 * departments themselves (rename, merge).
 */
import { useEffect, useRef, useState } from 'react';
import type { DepartmentInfo, ReportSummary } from '../../shared/api.ts';
import { api, errorText } from '../api/client.ts';
import { useApp } from '../store.ts';

function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error(`无法读取文件 ${file.name}`));
    reader.readAsDataURL(file);
  });
}

export function DepartmentsScreen() {
  const notify = useApp((s) => s.notify);
  const dataChanged = useApp((s) => s.dataChanged);
  const dataVersion = useApp((s) => s.dataVersion);
  const storedYear = useApp((s) => s.year);
  const [office, setOffice] = useState('');
  const [departments, setDepartments] = useState<DepartmentInfo[]>([]);
  const [unassigned, setUnassigned] = useState<ReportSummary[]>([]);
  const [rosterYear, setRosterYear] = useState<number>(storedYear ?? new Date().getFullYear() - 1);
  const [rosterText, setRosterText] = useState('');
  const [rosterResult, setRosterResult] = useState<string | null>(null);

  // The stored name fills the field unless the reviewer has typed first (a slow answer must not erase it).
  const officeEdited = useRef(false);
  useEffect(() => {
    let live = true;
    void api.getSettings().then((s) => live && !officeEdited.current && setOffice(s.office)).catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    let live = true;
    void api.listDepartments().then((list) => live && setDepartments(list)).catch((e) => notify('error', `无法读取单位列表：${errorText(e)}`));
    void api
      .listReports({ latestOnly: true })
      .then((list) => live && setUnassigned(list.filter((r) => r.departmentId === null || r.year === null)))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [dataVersion, notify]);

  async function run(action: () => Promise<string>) {
    try {
      notify('info', await action());
      dataChanged();
    } catch (error) {
      notify('error', errorText(error));
    }
  }

  const saveOffice = () => run(async () => {
    const saved = await api.saveSettings({ office });
    return saved.office ? `已保存：打印的文书将以“${saved.office}”署名` : '已清除机关名称';
  });

  const pasteRoster = () => run(async () => {
    const names = rosterText.split(/[\r\n]+/).map((n) => n.split(/[,，\t]/)[0]!.trim()).filter(Boolean);
    if (names.length === 0) throw new Error('请先粘贴单位名单（每行一个单位）');
    const r = await api.setRoster({ year: rosterYear, names });
    setRosterResult(`${rosterYear} 年度名单 ${names.length} 个单位：已有 ${r.matched}，新建 ${r.created}`);
    return `名单已导入（${names.length} 个单位）`;
  });

  const uploadRoster = (file: File) => run(async () => {
    const r = await api.importRoster({ year: rosterYear, name: file.name, base64: await fileToBase64(file) });
    setRosterResult(`${rosterYear} 年度名单 ${r.entries} 个单位（${file.name}）：已有 ${r.matched}，新建 ${r.created}`);
    return `名单已导入：${file.name}`;
  });

  return (
    <div className="screen departments-screen">
      <h1>单位与名单</h1>

      <section className="card">
        <h2>本机关名称</h2>
        <p className="muted">打印的审核意见单、整改通知书和汇总表以此署名。</p>
        <div className="row-form">
          <input aria-label="本机关名称" value={office} maxLength={60} placeholder="如：北湖县人民政府办公室" onChange={(e) => {
              officeEdited.current = true;
              setOffice(e.target.value);
            }} />
          <button type="button" className="primary" onClick={() => void saveOffice()}>
            保存名称
          </button>
        </div>
      </section>

      <section className="card">
        <h2>应报送单位名单</h2>
        <p className="muted">导入名单后，总览会列出未报送的单位。可粘贴（每行一个单位），或选择 Excel（.xlsx）/ CSV 文件（可含“截止日期”“收到日期”列）。</p>
        <div className="row-form">
          <label>
            年度
            <input type="number" aria-label="名单年度" value={rosterYear} min={2000} max={2100} onChange={(e) => setRosterYear(Number(e.target.value))} />
          </label>
          <label className="button">
            选择名单文件…
            <input
              type="file"
              accept=".xlsx,.csv,.txt"
              aria-label="选择名单文件"
              hidden
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void uploadRoster(file);
                e.target.value = '';
              }}
            />
          </label>
        </div>
        <textarea aria-label="粘贴名单" rows={5} value={rosterText} placeholder={'北湖县发展和改革委员会（县粮食和物资储备局、县能源局）\n北湖县教育局\n…'} onChange={(e) => setRosterText(e.target.value)} />
        <div className="actions">
          <button type="button" onClick={() => void pasteRoster()}>
            导入粘贴的名单
          </button>
        </div>
        {rosterResult && <p className="export-done">{rosterResult}</p>}
      </section>

      {unassigned.length > 0 && (
        <section className="card">
          <h2>未识别单位或年度的报告（{unassigned.length}）</h2>
          <datalist id="department-names">
            {departments.map((d) => (
              <option key={d.id} value={d.name} />
            ))}
          </datalist>
          <ul className="plain-list assign-list">
            {unassigned.map((r) => (
              <AssignRow key={r.reportId} report={r} defaultYear={rosterYear} onAssign={(department, year) => run(async () => {
                const s = await api.assignReport({ reportId: r.reportId, department, year });
                return `已将 ${r.file.split(/[\\/]/).pop()} 归入 ${s.department ?? department}（${s.year ?? year} 年度）`;
              })} />
            ))}
          </ul>
        </section>
      )}

      <section className="card">
        <h2>单位（{departments.length}）</h2>
        <table className="grid departments-table">
          <thead>
            <tr>
              <th>单位名称</th>
              <th>别名</th>
              <th>改名</th>
              <th>合并到</th>
            </tr>
          </thead>
          <tbody>
            {departments.map((d) => (
              <DepartmentRow
                key={d.id}
                department={d}
                others={departments.filter((o) => o.id !== d.id)}
                onRename={(name) => run(async () => `已改名为 ${(await api.renameDepartment({ departmentId: d.id, name })).name}`)}
                onMerge={(intoId) => run(async () => `已将 ${d.name} 合并到 ${(await api.mergeDepartments({ fromId: d.id, intoId })).name}`)}
              />
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

function AssignRow({ report, defaultYear, onAssign }: { report: ReportSummary; defaultYear: number; onAssign: (department: string, year: number) => Promise<void> }) {
  const [name, setName] = useState(report.department ?? '');
  const [year, setYear] = useState(report.year ?? defaultYear);
  const fileName = report.file.split(/[\\/]/).pop() ?? report.file;
  return (
    <li className="row-form">
      <span className="wrap" title={report.file}>
        {fileName}
        <span className="muted"> {report.error ? `（${report.error}）` : ''}</span>
      </span>
      <input list="department-names" aria-label={`${fileName} 归入单位`} placeholder="单位名称" value={name} onChange={(e) => setName(e.target.value)} />
      <input type="number" aria-label={`${fileName} 年度`} value={year} onChange={(e) => setYear(Number(e.target.value))} />
      <button type="button" disabled={!name.trim() || Boolean(report.error)} onClick={() => void onAssign(name.trim(), year)}>
        归入
      </button>
    </li>
  );
}

function DepartmentRow({ department, others, onRename, onMerge }: { department: DepartmentInfo; others: DepartmentInfo[]; onRename: (name: string) => Promise<void>; onMerge: (intoId: number) => Promise<void> }) {
  const [name, setName] = useState(department.name);
  const [into, setInto] = useState('');
  return (
    <tr>
      <td>
        {department.name}
        {department.unconfirmed && <span className="tag muted">待确认</span>}
      </td>
      <td className="muted">{department.aliases.join('、') || '—'}</td>
      <td>
        <div className="row-form">
          <input aria-label={`${department.name} 新名称`} value={name} onChange={(e) => setName(e.target.value)} />
          <button type="button" disabled={!name.trim() || name.trim() === department.name} onClick={() => void onRename(name.trim())}>
            改名
          </button>
        </div>
      </td>
      <td>
        <div className="row-form">
          <select aria-label={`${department.name} 合并到`} value={into} onChange={(e) => setInto(e.target.value)}>
            <option value="">选择单位…</option>
            {others.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
          <button type="button" disabled={!into} onClick={() => void onMerge(Number(into))}>
            合并
          </button>
        </div>
      </td>
    </tr>
  );
}
