"""The erasure of a citizen reaches their IPRA: the document's personal and health data go
(name, SNILS, exact birth date, contacts, address, the recommendations and contraindications,
free-text reasons and results), its dates, states and measures' names stay so that the journal
and the reports keep counting. Registered in cases.services.erasure.SCRUBBERS."""

import datetime

from django.db.models import Q

from cases.models import Ipra, IpraMeasure, IpraTransitionLog, PlanItem
from cases.services.erasure import ERASED, SCRUBBERS, _anonymise_change_log


def scrub_ipra(citizen_pk, case_pks):
    ipras = Ipra.objects.filter(citizen_id=citizen_pk)
    ipra_pks = list(ipras.values_list("pk", flat=True))
    for ipra in ipras:
        ipra.last_name, ipra.first_name, ipra.patronymic = ERASED, "", ""
        ipra.birth_date = datetime.date(ipra.birth_date.year, 1, 1)
        ipra.snils = ipra.address = ipra.phones = ipra.email = ""
        ipra.recommendations = ipra.contraindications = ipra.closing_reason = ""
        ipra.disability_cause = ""
        ipra.search_text = ""
        Ipra.objects.filter(pk=ipra.pk).update(
            **{
                f: getattr(ipra, f)
                for f in (
                    "last_name",
                    "first_name",
                    "patronymic",
                    "birth_date",
                    "snils",
                    "address",
                    "phones",
                    "email",
                    "recommendations",
                    "contraindications",
                    "closing_reason",
                    "disability_cause",
                    "search_text",
                )
            }
        )
    measures = IpraMeasure.objects.filter(ipra__in=ipra_pks)
    measure_pks = list(measures.values_list("pk", flat=True))
    measures.update(result="", reason="")
    IpraTransitionLog.objects.filter(ipra__in=ipra_pks).update(comment="")
    PlanItem.objects.filter(Q(case__in=case_pks)).update(
        contraindication="", contraindication_reason=""
    )
    _anonymise_change_log([(Ipra, ipra_pks), (IpraMeasure, measure_pks)])


SCRUBBERS.append(scrub_ipra)
