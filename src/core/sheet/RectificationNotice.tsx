/** 整改通知书: numbered problems in plain Chinese, the rule each breaks, where, and the fix-by date. */
import type { ReactNode } from 'react';
import { chineseDate } from './format.ts';
import type { NoticeProblemView, NoticeView } from './notice-view.ts';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function chineseNumber(n: number): string {
  if (n <= 10) return NUMERALS[n - 1]!;
  if (n < 20) return `十${NUMERALS[n - 11]}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${NUMERALS[tens - 1]}十${ones ? NUMERALS[ones - 1] : ''}`;
}

function Problem(props: { problem: NoticeProblemView }): ReactNode {
  const p = props.problem;
  return (
    <div className="problem">
      <h3>
        {chineseNumber(p.number)}、{p.title}
      </h3>
      <p>
        <span className="label">问题：</span>
        {p.description}
      </p>
      {p.rule ? (
        <p>
          <span className="label">依据：</span>
          {p.rule}
        </p>
      ) : null}
      {p.where.length > 0 ? (
        <p className="where">
          <span className="label">位置：</span>
          {p.where.join('；')}
        </p>
      ) : null}
    </div>
  );
}

export function RectificationNotice(props: { view: NoticeView }): ReactNode {
  const v = props.view;
  const reportName = `《${v.department === '（单位未识别）' ? '' : v.department}${v.year ? `${v.year}年` : ''}政府信息公开工作年度报告》`;
  return (
    <main>
      {v.noticeNo ? <div className="doc-no">{v.noticeNo}</div> : null}
      <h1>政府信息公开工作年度报告整改通知书</h1>
      <p className="addressee">{v.department}：</p>
      {v.problems.length > 0 ? (
        <p className="body-text">
          经审核，你单位报送的{reportName}（文件：{v.fileName}；审核得分 {v.score}，等级 {v.grade}）存在以下 {v.problems.length}{' '}
          个问题。请对照有关规定逐项整改，并于 <strong>{chineseDate(v.fixBy)}</strong> 前将修改后的年度报告重新报送{v.office}，同时更新已公开的报告。
        </p>
      ) : (
        <p className="body-text">
          经审核，你单位报送的{reportName}（文件：{v.fileName}）未发现需要整改的问题。
        </p>
      )}
      {v.problems.slice(0, -1).map((p) => (
        <Problem key={p.number} problem={p} />
      ))}
      {/* The last problem stays on the page of the signature: a page with only the signature is not signed. */}
      <div className="keep">
        {v.problems.length > 0 ? <Problem problem={v.problems[v.problems.length - 1]!} /> : null}
        <div className="closing">
          <p>{v.office}</p>
          <p>{chineseDate(v.issuedOn)}</p>
          <p className="seal">（盖章）</p>
        </div>
      </div>
    </main>
  );
}
