"""Reports of the employer side for a period in one centre (counts only: no person is named, so
the reports may be exported by those who read them):

- referrals to partners per partner and outcome (the offer's date in the period);
- job referrals per employer and vacancy: issued, came to the interview, hired, refused, did
  not come, still waiting; and the employments recorded through them;
- the share of referrals that ended in employment: of the job referrals issued in the period,
  how many led to a recorded employment; of the citizens referred to partners, how many were
  employed afterwards.
"""

from dataclasses import dataclass

from django.db.models import Count, F, Q

from cases.choices import JobReferralStatus, ReferralStatus
from cases.models import Employment, JobReferral, Referral

PARTNER_HEADER = [
    "Партнёр",
    "Направлений",
    "Оформляется",
    "Ждём заключение",
    "Заключение получено",
    "Отказ",
    "Истёк срок",
    "Трудоустроены после направления",
]
EMPLOYER_HEADER = [
    "Работодатель",
    "Вакансия",
    "Направлений на работу",
    "Пришли на собеседование",
    "Приняты",
    "Отказ работодателя",
    "Не явились",
    "Ждём ответ",
    "Трудоустройств",
]


def _percent(part, whole):
    return round(100 * part / whole, 1) if whole else None


def _share(part, whole):
    rate = _percent(part, whole)
    return "—" if rate is None else f"{rate:.1f}".replace(".", ",")


@dataclass
class PartnerRow:
    partner: str
    total: int
    draft: int
    sent: int
    concluded: int
    declined: int
    expired: int
    employed: int

    def cells(self):
        return [
            self.partner,
            self.total,
            self.draft,
            self.sent,
            self.concluded,
            self.declined,
            self.expired,
            self.employed,
        ]


@dataclass
class EmployerRow:
    employer: str
    vacancy: str  # "" for the employer's total
    issued: int
    came: int
    hired: int
    refused: int
    no_show: int
    waiting: int
    employed: int

    def cells(self):
        return [
            self.employer,
            self.vacancy or "все вакансии",
            self.issued,
            self.came,
            self.hired,
            self.refused,
            self.no_show,
            self.waiting,
            self.employed,
        ]


def _by_status(status):
    return Count("pk", filter=Q(status=status), distinct=True)


def partner_rows(centre, start, end):
    """One query: per partner, the referrals of the period by outcome, and how many of those
    that went belong to a case whose employment started on or after the offer."""
    groups = (
        Referral.objects.filter(case__centre=centre, offer_on__range=(start, end))
        .values("partner__name", "partner__short_name")
        .annotate(
            total=Count("pk", distinct=True),
            draft=_by_status(ReferralStatus.DRAFT),
            sent=_by_status(ReferralStatus.SENT),
            concluded=_by_status(ReferralStatus.CONCLUDED),
            declined=_by_status(ReferralStatus.DECLINED),
            expired=_by_status(ReferralStatus.EXPIRED),
            employed=Count(
                "pk",
                filter=Q(case__employment__started_on__gte=F("offer_on"))
                & ~Q(status=ReferralStatus.DRAFT),
                distinct=True,
            ),
        )
        .order_by("partner__name")
    )
    return [
        PartnerRow(
            g["partner__short_name"] or g["partner__name"],
            g["total"],
            g["draft"],
            g["sent"],
            g["concluded"],
            g["declined"],
            g["expired"],
            g["employed"],
        )
        for g in groups
    ]


def employer_rows(centre, start, end):
    """Per employer, its vacancies and then its total: the job referrals issued in the period by
    the employer's answer, and the employments recorded through them. One query."""
    groups = (
        JobReferral.objects.filter(case__centre=centre, issued_on__range=(start, end))
        .values(
            "vacancy__employer__name", "vacancy__employer_id", "vacancy__position", "vacancy_id"
        )
        .annotate(
            issued=Count("pk"),
            came=Count("pk", filter=Q(status__in=JobReferralStatus.came())),
            hired=_by_status(JobReferralStatus.HIRED),
            refused=_by_status(JobReferralStatus.REFUSED),
            no_show=_by_status(JobReferralStatus.NO_SHOW),
            waiting=_by_status(JobReferralStatus.ISSUED),
            employed=Count("employment"),
        )
        .order_by(
            "vacancy__employer__name", "vacancy__employer_id", "vacancy__position", "vacancy_id"
        )
    )
    rows, totals = [], {}
    counts = ("issued", "came", "hired", "refused", "no_show", "waiting", "employed")
    for g in groups:
        employer = g["vacancy__employer_id"]
        if employer not in totals:
            totals[employer] = EmployerRow(g["vacancy__employer__name"], "", *([0] * len(counts)))
            rows.append(totals[employer])
        rows.append(
            EmployerRow(
                g["vacancy__employer__name"], g["vacancy__position"], *(g[c] for c in counts)
            )
        )
        for c in counts:
            setattr(totals[employer], c, getattr(totals[employer], c) + g[c])
    return rows


@dataclass
class Shares:
    job_referrals: int
    job_employed: int
    partner_referrals: int
    partner_employed: int
    employments: int
    self_found: int

    @property
    def job_share(self):
        return _share(self.job_employed, self.job_referrals)

    @property
    def partner_share(self):
        return _share(self.partner_employed, self.partner_referrals)


def shares(centre, start, end, partner=None, employers=None):
    """The shares that ended in employment, from the rows already counted, plus the period's
    employments (all, and found by the citizens alone)."""
    partner = partner_rows(centre, start, end) if partner is None else partner
    employers = employer_rows(centre, start, end) if employers is None else employers
    totals = [row for row in employers if not row.vacancy]
    employments = Employment.objects.filter(case__centre=centre, started_on__range=(start, end))
    counted = employments.aggregate(all=Count("pk"), alone=Count("pk", filter=Q(self_found=True)))
    return Shares(
        job_referrals=sum(r.issued for r in totals),
        job_employed=sum(r.employed for r in totals),
        partner_referrals=sum(r.total - r.draft for r in partner),
        partner_employed=sum(r.employed for r in partner),
        employments=counted["all"],
        self_found=counted["alone"],
    )
