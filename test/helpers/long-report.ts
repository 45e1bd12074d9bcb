/**
 * A long report of our own making (no corpus text), several pages when laid out per GB/T 9704:
 * title, meeting line, salutation, 一、 and （一） sections with long body paragraphs written only
 * in full-width characters, so that a full line of the layout holds exactly 28 of them.
 */

const PHRASES = [
  '坚持稳中求进工作总基调', '统筹推进产业振兴和城乡建设', '持续改善人居环境', '扎实做好民生保障',
  '全面提升基层治理水平', '加快培育农文旅融合新业态', '深入推进营商环境优化', '巩固拓展脱贫攻坚成果',
  '着力提高公共服务质量', '认真落实安全生产责任', '不断壮大村级集体经济', '推动重点项目早日投产见效',
];

/** A paragraph of `sentences` sentences drawn in a fixed order from the phrases. */
function paragraph(seed: number, sentences: number): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) {
    const a = PHRASES[(seed * 7 + i * 5) % PHRASES.length];
    const b = PHRASES[(seed * 3 + i * 11 + 1) % PHRASES.length];
    out.push(`${a}，${b}。`);
  }
  return out.join('');
}

const CN = ['一', '二', '三', '四', '五', '六'];

/**
 * The report, with `sections` level-1 sections of three level-2 run-in headings each.
 *
 * @example longReport(3).split('\n')[0] // '青石镇2025年政府工作报告'
 */
export function longReport(sections = 3): string {
  const lines = ['青石镇二〇二五年政府工作报告', '（二〇二五年一月八日在镇人民代表大会上）', '各位代表：', `现在，我代表镇人民政府向大会报告工作，请予审议。${paragraph(0, 2)}`];
  for (let s = 0; s < sections; s++) {
    lines.push(`${CN[s]}、${PHRASES[s].slice(0, 8)}`);
    lines.push(paragraph(s + 1, 4));
    for (let k = 0; k < 3; k++) lines.push(`（${CN[k]}）${PHRASES[(s + k) % PHRASES.length]}。${paragraph(s * 3 + k + 2, 5)}`);
  }
  lines.push(`各位代表！让我们团结一心、真抓实干，为建设美丽富裕新青石而努力奋斗！`);
  return lines.join('\n') + '\n';
}
