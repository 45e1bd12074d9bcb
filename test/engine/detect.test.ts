import { describe, expect, it } from 'vitest';
import { looksLikeReport } from '../../server/src/engine/detect';

describe('looksLikeReport: which .txt files switch to the gongwen language', () => {
  it.each([
    ['a government report title', '横沥镇2023年政府工作报告\n\n各位代表：\n'],
    ['a summary title in traditional script', '2024年鄉鎮年工作總結範文和2024年工作計畫\n'],
    ['a duty report in traditional script', '鎮長述職報告\n尊敬的各位領導：\n'],
    ['a plan after page furniture', '首页 > 信息公开\n\n2025年工作要点\n一、工作目标\n'],
    ['no title, but the salutation and 政府工作', '各位代表：\n现在，我代表国务院，向大会报告政府工作，请予审议。\n'],
  ])('%s', (_name, head) => expect(looksLikeReport(head)).toBe(true));

  it.each([
    ['meeting minutes', '会议纪要\n时间：2024年3月5日\n地点：三楼会议室\n'],
    ['a salutation without a report', '各位代表：\n欢迎大家参加今天的座谈会。\n'],
    ['code', 'function main() {\n  return 0;\n}\n'],
    ['an empty file', ''],
  ])('not %s', (_name, head) => expect(looksLikeReport(head)).toBe(false));
});
