import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../server/src/engine/pipeline';

const TITLE = '示例镇2024年工作总结\n';

/** The outline as `depth:label` lines. */
function outline(text: string): string[] {
  return buildReportModel(text).headings.map((h) => `${h.depth}:${h.label}`);
}

describe('items of a ：…； list are not headings', () => {
  it('inline in one paragraph', () => {
    const text = TITLE + '一、主要工作\n针对物价上涨，我们采取以下措施：（一）理顺价格；（二）稳定物价；（三）加强市场监管。全年物价基本稳定。\n二、下步打算\n正文。\n';
    expect(outline(text)).toEqual(['1:一、主要工作', '1:二、下步打算']);
  });

  it('one item a line, with a half-width colon and semicolons', () => {
    const text = TITLE + '一、主要工作\n正文。\n二、下步打算\n我们将:\n1.抓项目;\n2.强服务;\n3.惠民生。\n三、保障措施\n正文。\n';
    expect(outline(text)).toEqual(['1:一、主要工作', '1:二、下步打算', '1:三、保障措施']);
  });

  it('items ending in 。 are headings, and so are items without a ： lead-in', () => {
    const sentences = TITLE + '一、主要工作\n我们将：\n（一）抓项目。\n（二）强服务。\n二、下步打算\n';
    expect(outline(sentences)).toEqual(['1:一、主要工作', '2:（一）抓项目', '2:（二）强服务', '1:二、下步打算']);
    const noLeadIn = TITLE + '一、主要工作\n全年工作取得新成效。\n（一）抓项目；\n（二）强服务；\n二、下步打算\n';
    expect(outline(noLeadIn).length).toBe(4);
  });

  it('points (一是…；二是…) stay the points of their paragraph', () => {
    const text = TITLE + '一、主要工作\n今年重点做好以下工作：一是稳增长；二是保民生。\n二、下步打算\n';
    expect(outline(text)).toEqual(['1:一、主要工作', '2:一是稳增长', '2:二是保民生', '1:二、下步打算']);
  });
});
