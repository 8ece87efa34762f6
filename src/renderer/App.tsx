/** Shell of the UI: header with navigation, reviewer name and import activity; the current screen below. */
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { desktop } from './api/client.ts';
import { DatabaseButton } from './components/DatabaseSettings.tsx';
import { JobsBadge } from './components/JobsBadge.tsx';
import { NoticeBar } from './components/NoticeBar.tsx';
import { DepartmentsScreen } from './screens/DepartmentsScreen.tsx';
import { DetailScreen } from './screens/DetailScreen.tsx';
import { ImportScreen, startImport } from './screens/ImportScreen.tsx';
import { OverviewScreen } from './screens/OverviewScreen.tsx';
import { RubricScreen } from './screens/RubricScreen.tsx';
import { RollupScreen } from './screens/RollupScreen.tsx';
import { resumeJobs, useApp } from './store.ts';
import { watchOtherReviewers } from './watch-changes.ts';
import type { View } from './store.ts';

const TABS: { view: View; label: string }[] = [
  { view: 'import', label: '导入' },
  { view: 'overview', label: '总览' },
  { view: 'departments', label: '单位' },
  { view: 'rollup', label: '汇总统计' },
  { view: 'rubric', label: '评分规则' },
];

export function App() {
  const { view, reportId, reviewer } = useApp(useShallow((s) => ({ view: s.view, reportId: s.reportId, reviewer: s.reviewer })));
  const navigate = useApp((s) => s.navigate);
  const setReviewer = useApp((s) => s.setReviewer);

  // Other reviewers' changes on a shared database refresh the screens.
  useEffect(() => watchOtherReviewers(), []);
  // After a reload the running imports' cards come back (the jobs run on the server).
  useEffect(() => void resumeJobs(), []);

  // Application-menu commands (Electron only).
  useEffect(() => {
    if (!desktop) return;
    return desktop.onMenu((command) => {
      if (command === 'view-import') navigate({ view: 'import' });
      else if (command === 'view-overview') navigate({ view: 'overview' });
      else if (command === 'view-rubric') navigate({ view: 'rubric' });
      else if (command === 'import-folder' || command === 'import-files') {
        navigate({ view: 'import' });
        void desktop?.choosePaths({ kind: command === 'import-folder' ? 'folder' : 'files' }).then((paths) => {
          if (paths.length > 0) void startImport(paths, undefined);
        });
      } else if (command === 'print') window.dispatchEvent(new CustomEvent('ogi-print'));
    });
  }, [navigate]);

  return (
    <div className="app">
      <header className="app-header">
        <div className="brand" title="政府信息公开工作年度报告审核台">
          OGI 审核台
        </div>
        <nav className="tabs" aria-label="主要页面">
          {TABS.map((tab) => (
            <button
              key={tab.view}
              type="button"
              className={view === tab.view || (tab.view === 'overview' && view === 'detail') ? 'tab active' : 'tab'}
              aria-current={view === tab.view ? 'page' : undefined}
              onClick={() => navigate({ view: tab.view })}
            >
              {tab.label}
            </button>
          ))}
        </nav>
        <JobsBadge onOpen={() => navigate({ view: 'import' })} />
        <DatabaseButton />
        <label className="reviewer">
          审核人
          <input value={reviewer} placeholder="请填写姓名" maxLength={40} onChange={(e) => setReviewer(e.target.value)} />
        </label>
      </header>
      <NoticeBar />
      <main className="app-main">
        {view === 'import' && <ImportScreen />}
        {view === 'overview' && <OverviewScreen />}
        {view === 'detail' && reportId !== null && <DetailScreen key={reportId} reportId={reportId} />}
        {view === 'rubric' && <RubricScreen />}
        {view === 'departments' && <DepartmentsScreen />}
        {view === 'rollup' && <RollupScreen />}
      </main>
    </div>
  );
}
