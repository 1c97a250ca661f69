"""Linking one report against every stored agreement, the way the service and the benchmarks do it:
the agreements it could name (link_index.LinkIndex) -> two names or a number (link_report) -> one
party (link_one_party) -> each party by a word of its name (link_by_soft_names) -> by content, when
nothing else links it (link_by_content over every open commitment, link_index.ContentIndex). The
indexes are built once per set of agreements / open commitments and reused while they stay the same
(link_index.name_indexes_for, content_index_for).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from extractor.link_index import content_index_for, name_indexes_for
from extractor.linking import LinkConfig, link_by_content, link_by_soft_names, link_one_party, link_report
from extractor.matching_types import AgreementLink, AgreementRef, CommitmentRef, MatchConfig, StatementRef
from extractor.statement_scope import one_party_candidates, received_supplies


@dataclass(frozen=True)
class ReportLinks:
    links: list[AgreementLink]        # by names: two parties, a number, or each party by a word of its name
    one_party: dict[int, str]         # {agreement id: the one party named}: its own commitments only
    content: AgreementLink | None     # linked by what the statements say, when nothing else links it
    agreements: list[AgreementRef]    # what match_report needs: the candidates and every linked agreement

    def candidates(self, commitments: Sequence[CommitmentRef]) -> list[CommitmentRef]:
        """The commitments the report's statements may match."""
        if self.content is not None:
            return [c for c in commitments if c.agreement_id == self.content.agreement_id]
        linked = {link.agreement_id for link in self.links}
        return [c for c in commitments if c.agreement_id in linked] + \
            one_party_candidates(commitments, self.one_party, self.agreements) + \
            received_supplies(commitments, self.one_party, self.agreements)


def link_stored_report(text: str, statements: Sequence[StatementRef], agreements: Sequence[AgreementRef],
                       commitments: Sequence[CommitmentRef], config: MatchConfig = MatchConfig(),  # noqa: B008 (frozen)
                       link_config: LinkConfig = LinkConfig(),  # noqa: B008 (frozen)
                       ) -> ReportLinks:
    """How the report (its text, its activity statements) links to `agreements`, whose open
    commitments are `commitments`. The result is the same as linking over all agreements."""
    link_index, soft_index = name_indexes_for(agreements)
    linkable = link_index.candidates(text)
    links = link_report(text, linkable)
    links, one_party = link_by_soft_names(text, links, link_one_party(text, linkable, links), soft_index)
    content = None
    if not links and not one_party:
        index = content_index_for(agreements, commitments, config)
        content = link_by_content(statements, text, agreements, commitments, config, link_config,
                                  ranking=index.ranking, named_among=linkable)
    linked = {link.agreement_id for link in links} | ({content.agreement_id} if content else set())
    known = {a.id for a in linkable}
    return ReportLinks(links, one_party, content,
                       [*linkable, *(a for a in agreements if a.id in linked and a.id not in known)])
