// Corpus files the suite uses, relative to ../shared/corpus.
export const GOV_REPORT = 'local/liuzhen-2023-gov-report.txt';
export const TEMPLATE = 'local/town-summary-and-plan-template.txt';
