/** The <html> shell of every printed document: language, title and embedded print CSS. */
import type { ReactNode } from 'react';

export function HtmlDocument(props: { title: string; css: string; bodyClass: string; children: ReactNode }): ReactNode {
  return (
    <html lang="zh-CN">
      <head>
        <meta charSet="utf-8" />
        <title>{props.title}</title>
        <style dangerouslySetInnerHTML={{ __html: props.css }} />
      </head>
      <body className={props.bodyClass}>{props.children}</body>
    </html>
  );
}
