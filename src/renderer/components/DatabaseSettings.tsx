/**
 * The 数据库 setting: this machine's file (one reviewer) or the office's shared PostgreSQL server (several
 * reviewers at once). Test the connection, then save; the app opens the chosen database at its next start.
 * The password is sent to the backend only; it is never shown again (only "已保存").
 */
import { useEffect, useState } from 'react';
import type { DatabaseChoice, DatabaseInfo, SslMode } from '../../shared/api.ts';
import { api, errorText } from '../api/client.ts';
import { Modal } from './Modal.tsx';

type ServerChoice = Extract<DatabaseChoice, { backend: 'postgres' }>;

const EMPTY_SERVER: ServerChoice = { backend: 'postgres', host: '', port: 5432, database: 'ogi_audit', user: 'ogi', sslmode: 'prefer' };

const SSL_LABELS: Record<SslMode, string> = {
  disable: '不加密（disable）',
  prefer: '默认（prefer，不强制加密）',
  require: '加密（require）',
  'verify-ca': '加密并校验证书（verify-ca）',
  'verify-full': '加密并校验证书与服务器名（verify-full）',
};

/** The header button that opens the setting. */
export function DatabaseButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="link database-button" onClick={() => setOpen(true)} title="数据库设置">
        数据库
      </button>
      {open && (
        <Modal title="数据库" onClose={() => setOpen(false)}>
          <DatabaseSettings />
        </Modal>
      )}
    </>
  );
}

export function DatabaseSettings() {
  const [info, setInfo] = useState<DatabaseInfo | null>(null);
  const [backend, setBackend] = useState<'sqlite' | 'postgres'>('sqlite');
  const [server, setServer] = useState<ServerChoice>(EMPTY_SERVER);
  const [password, setPassword] = useState('');
  const [status, setStatus] = useState<{ kind: 'ok' | 'error' | 'busy'; text: string } | null>(null);

  useEffect(() => {
    api.getDatabase().then(
      (current) => {
        setInfo(current);
        if (current.saved?.backend === 'postgres') {
          setBackend('postgres');
          setServer(current.saved);
        }
      },
      (error: unknown) => setStatus({ kind: 'error', text: errorText(error) }),
    );
  }, []);

  const choice = (): DatabaseChoice => (backend === 'sqlite' ? { backend: 'sqlite' } : server);
  const input = () => (password ? { choice: choice(), password } : { choice: choice() });

  async function run(action: 'test' | 'save') {
    setStatus({ kind: 'busy', text: action === 'test' ? '正在连接…' : '正在保存…' });
    try {
      if (action === 'test') {
        const result = await api.testDatabase(input());
        setStatus({ kind: 'ok', text: result.message });
      } else {
        setInfo(await api.saveDatabase(input()));
        setPassword('');
        setStatus({ kind: 'ok', text: '已保存，重新启动本程序后生效' });
      }
    } catch (error) {
      setStatus({ kind: 'error', text: errorText(error) });
    }
  }

  const field = <K extends keyof ServerChoice>(key: K, value: ServerChoice[K]) => setServer({ ...server, [key]: value });
  const editable = info?.editable ?? false;

  return (
    <div className="form database-settings">
      <p>
        正在使用：{info ? (info.backend === 'postgres' ? `共享数据库 ${info.location}` : `本机数据库文件 ${info.location}`) : '…'}
      </p>
      {info && !editable && <p className="muted">数据库由启动参数（--db 或 OGI_DB）指定，此处只能测试连接。</p>}
      <fieldset disabled={status?.kind === 'busy'}>
        <label className="inline">
          <input type="radio" name="backend" checked={backend === 'sqlite'} onChange={() => setBackend('sqlite')} />
          本机数据库文件（一人使用）
        </label>
        <label className="inline">
          <input type="radio" name="backend" checked={backend === 'postgres'} onChange={() => setBackend('postgres')} />
          单位共享的 PostgreSQL 数据库（多人同时审核）
        </label>
        {backend === 'postgres' && (
          <>
            <label>
              服务器（名称或 IP 地址）
              <input value={server.host} onChange={(e) => field('host', e.target.value)} placeholder="例如 192.168.1.20" />
            </label>
            <label>
              端口
              <input type="number" min={1} max={65535} value={server.port} onChange={(e) => field('port', Number(e.target.value))} />
            </label>
            <label>
              数据库名
              <input value={server.database} onChange={(e) => field('database', e.target.value)} />
            </label>
            <label>
              用户名
              <input value={server.user} onChange={(e) => field('user', e.target.value)} autoComplete="username" />
            </label>
            <label>
              密码{info?.passwordSaved ? '（已保存；留空则沿用）' : ''}
              <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />
            </label>
            <label>
              SSL 加密
              <select value={server.sslmode} onChange={(e) => field('sslmode', e.target.value as SslMode)}>
                {(Object.keys(SSL_LABELS) as SslMode[]).map((mode) => (
                  <option key={mode} value={mode}>
                    {SSL_LABELS[mode]}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        <div className="actions">
          <button type="button" onClick={() => void run('test')}>
            测试连接
          </button>
          <button type="button" className="primary" disabled={!editable} onClick={() => void run('save')}>
            保存
          </button>
        </div>
      </fieldset>
      {status && (
        <p role="status" className={status.kind === 'error' ? 'error' : 'muted'}>
          {status.text}
        </p>
      )}
    </div>
  );
}
