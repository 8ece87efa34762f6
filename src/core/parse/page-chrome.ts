/**
 * Page chrome around a report taken off a government web page: breadcrumbs (当前位置：首页 > …), the
 * metadata box (索引号：… 发布机构：… 生成日期：…, 标题：…), tool links (【字体：大 中 小】 打印本页 关闭窗口) and
 * the footer (扫一扫…, 主办单位：…, 网站标识码…). The lines are taken out of the report's text but what they
 * say is kept as evidence: the page's title, who published it and when.
 */
import type { Block, ParagraphBlock } from '../document.ts';
import { findDates } from './dates.ts';

export interface PageChrome {
  /** 标题：… */
  title?: string;
  /** 发布机构：/发布单位：/发文机关：… (who put the page up: often the compiler's office, not the body). */
  publisher?: string;
  /** 发布时间：/生成日期：/发布日期：/成文日期： as ISO yyyy-mm-dd. */
  publishedOn?: string;
}

/** Line starts that only page chrome has (a colon is required where body text could start the same way). */
const CHROME_START =
  /^\s*(?:(?:当前位置|您当前的位置|您现在的位置|您的位置|所在位置|索引号|信息索引号|发布机构|发布单位|发文机关|生成日期|发布日期|发布时间|成文日期|公开日期|标题|文号|发文字号|主题分类|主题词|公开方式|公开范围|信息来源|来源|浏览次数|访问次数|点击数|阅读次数|主办单位|承办单位|主办|网站标识码|备案号|ICP备案号)\s*[：:]|【\s*字体|字体[：:]|字号[：:]|打印本页|关闭窗口|打印\s+关闭|扫一扫|分享到|网站地图|联系我们|版权所有|技术支持|首页\s*[>＞»])/;

// The value runs up to two spaces or the next "字段：" (a tempered run: a lazy `.*?` before that lookahead
// backtracked over long space runs).
const FIELD = /(标题|发布机构|发布单位|发文机关|生成日期|发布日期|发布时间|成文日期|公开日期)\s*[：:]\s*(?!\s)((?:(?!\s{2}|\s[^\s：:]{2,6}\s*[：:]).)*)/g;

function isChromeLine(text: string): boolean {
  // Long lines are body text, whatever they start with.
  return text.length <= 160 && CHROME_START.test(text);
}

function readFields(text: string, chrome: PageChrome): void {
  for (const m of text.matchAll(FIELD)) {
    const key = m[1]!;
    const value = m[2]!.trim();
    if (value === '') continue;
    if (key === '标题') chrome.title ??= value;
    else if (key === '发布机构' || key === '发布单位' || key === '发文机关') chrome.publisher ??= value;
    else {
      const date = findDates(value)[0];
      if (date) chrome.publishedOn ??= date.iso;
    }
  }
}

/**
 * Take chrome lines off the start and the end of the document (never from the middle of a report) and
 * read their fields.
 */
export function stripPageChrome(blocks: readonly Block[]): { blocks: Block[]; chrome: PageChrome } {
  const chrome: PageChrome = {};
  const chromeAt = (i: number): ParagraphBlock | null => {
    const b = blocks[i];
    return b && b.kind === 'paragraph' && isChromeLine(b.text) ? b : null;
  };
  let start = 0;
  for (let line = chromeAt(start); line; line = chromeAt(++start)) readFields(line.text, chrome);
  let end = blocks.length;
  for (let line = chromeAt(end - 1); line && end > start; line = chromeAt(--end - 1)) readFields(line.text, chrome);
  if (start === 0 && end === blocks.length) return { blocks: [...blocks], chrome };
  return { blocks: blocks.slice(start, end), chrome };
}
