import type { ReportModel } from '../model';
import type { CompletionProposal, CompletionSite } from './completion';
export function sectionProposals(_model: ReportModel, _offset: number, _site: CompletionSite): CompletionProposal[] {
  return [];
}
