"""The case page: citizen card, stage, the transitions this user may run, the plan, history."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from cases import services
from cases.choices import AccessAction, PlanItemStatus
from cases.forms import PlanItemForm, PlanStatusForm, TransitionForm
from cases.models import PlanItem, ScriptRun
from cases.views.case_sections import section_context
from cases.views.common import get_case, staff_view
from content.models import OUTCOME_LABELS, Script


def _render(request, case, status=200, **extra):
    """The whole case page (a transition changes the stage and what is allowed)."""
    context = section_context(request, case, **extra)
    return render(request, "cases/case_detail.html", context, status=status)


def _render_plan(request, case, status=200, **extra):
    """After a plan action: only the plan section and the messages when htmx asked for #plan.

    A plan action made from elsewhere (the script's suggestion) targets the whole page and gets
    it, as does a request without htmx.
    """
    if not (request.htmx and request.htmx.target == "plan"):
        return _render(request, case, status=status, **extra)
    context = section_context(request, case, names=["plan"], **extra)
    return render(request, "cases/case/plan_response.html", context, status=status)


def _refused(request, case, exc):
    """A refusal (the case was closed or changed meanwhile): the whole page, whatever the target."""
    messages.error(request, str(exc))
    response = _render(request, case, status=409)
    if request.htmx:
        response["HX-Retarget"] = "#case"
        response["HX-Reselect"] = "#case"
    return response


@staff_view("cases.view_case")
def case_detail(request, pk):
    case = get_case(request, pk)
    # "Отмена" of an inline edit comes back here naming the row, so the focus returns to it.
    item = request.GET.get("item", "")
    partial = item.isdigit() and request.htmx
    # Every response that shows the case is a view, whatever its headers say: a client may send
    # HX-Request itself and get the whole page (only an action's own re-render, answering a
    # POST, is covered by the change log instead).
    services.record_access(request, case, AccessAction.VIEW, _("план") if partial else "")
    if partial:
        return _render_plan(request, case, focus="item", focus_item=int(item))
    context = section_context(request, case)
    if context.get("case_ipra"):  # the IPRA section shows health data
        services.record_access(request, context["case_ipra"], AccessAction.VIEW)
    return render(request, "cases/case_detail.html", context)


@staff_view("cases.view_case")
@require_POST
def transition(request, pk, name):
    case = get_case(request, pk)
    form = TransitionForm(request.POST, centre=case.centre)
    if not form.is_valid():
        return _render(request, case, status=422)
    try:
        case = services.run_transition(
            case,
            name,
            request.user,
            comment=form.cleaned_data["comment"],
            expected_state=form.cleaned_data["expected_state"],
            curator=form.cleaned_data.get("curator"),
        )
    except services.Conflict as exc:
        messages.error(request, exc.message, extra_tags="conflict")
        return _render(request, get_case(request, pk), status=409)
    except services.TransitionRefused as exc:
        messages.error(request, str(exc))
        return _render(request, case, status=409)
    except ValidationError as exc:
        errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
        return _render(
            request,
            case,
            status=422,
            transition_errors={name: errors},
            failed_transition=name,
            posted_comment=form.cleaned_data["comment"],
        )
    messages.success(
        request, _("Готово: случай переведён на этап «%(s)s».") % {"s": case.get_state_display()}
    )
    if request.htmx:
        return _render(request, case)
    return redirect("cases:case-detail", pk=case.pk)


@staff_view("cases.view_case")
@require_POST
def move_route_version(request, pk):
    case = get_case(request, pk)
    if not request.user.has_perm("cases.add_planitem"):
        raise PermissionDenied("Ваша роль не позволяет переводить случай на новую версию маршрута.")
    try:
        moved = services.move_to_latest_route(case, request.user)
    except services.TransitionRefused as exc:
        messages.error(request, str(exc))
        return _render(request, case, status=409)
    if moved:
        messages.success(request, _("Случай переведён на текущую версию маршрута."))
    return redirect("cases:case-detail", pk=case.pk)


@staff_view("cases.add_planitem")
@require_POST
def plan_add(request, pk):
    case = get_case(request, pk)
    form = PlanItemForm(request.POST, case=case)
    if form.is_valid():
        try:
            services.ipra.add_plan_item_checked(
                request.user,
                case,
                form.save(commit=False),
                reason=request.POST.get("contraindication_reason", ""),
            )
        except services.ipra.ContraindicationWarning as warning:
            return _render_plan(
                request,
                case,
                status=422,
                plan_form=form,
                focus="plan-warning",
                plan_warning=warning,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        except services.TransitionRefused as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Услуга добавлена в план."))
            if request.htmx:
                return _render_plan(request, case, focus="plan")
            return redirect(reverse("cases:case-detail", args=[case.pk]) + "#plan")
    return _render_plan(request, case, status=422, plan_form=form, focus="plan-form")


def _item(case, item_pk):
    return get_object_or_404(PlanItem.objects.select_related("service"), pk=item_pk, case=case)


@staff_view("cases.change_planitem")
@require_http_methods(["GET", "POST"])
def plan_item(request, pk, item):
    """Edit one plan item inline: GET opens the row's form, POST saves it."""
    case = get_case(request, pk)
    obj = _item(case, item)
    if request.method == "GET":
        return _render_plan(
            request,
            case,
            edit_item=obj.pk,
            edit_form=PlanItemForm(instance=obj, case=case, prefix=f"item{obj.pk}"),
            focus="edit",
        )
    form = PlanItemForm(request.POST, instance=obj, case=case, prefix=f"item{obj.pk}")
    if form.is_valid():
        try:
            services.update_plan_item(
                request.user, form.save(commit=False), form.changed_data, form.opened_version
            )
        except services.StaleEdit as stale:
            form.refused(stale)
            return _render_plan(
                request, case, status=409, edit_item=obj.pk, edit_form=form, focus="edit"
            )
        except (ValidationError, services.TransitionRefused) as exc:
            form.add_error(None, exc if isinstance(exc, ValidationError) else str(exc))
        else:
            messages.success(request, _("Пункт плана сохранён."))
            if request.htmx:
                return _render_plan(request, case, focus="item", focus_item=obj.pk)
            return redirect("cases:case-detail", pk=case.pk)
    return _render_plan(request, case, status=422, edit_item=obj.pk, edit_form=form, focus="edit")


@staff_view("cases.change_planitem")
@require_POST
def plan_item_status(request, pk, item):
    case = get_case(request, pk)
    obj = _item(case, item)
    form = PlanStatusForm(request.POST)
    if not form.is_valid():
        raise Http404
    try:
        services.change_plan_item_status(
            request.user, obj, form.cleaned_data["action"], form.cleaned_data["text"]
        )
    except ValidationError:
        return _render_plan(
            request,
            case,
            status=422,
            status_error={obj.pk: _("Укажите причину.")},
            focus="item",
            focus_item=obj.pk,
        )
    except (services.TransitionRefused, services.StaleEdit) as exc:
        return _refused(request, case, exc)
    messages.success(
        request, _("«%(s)s»: %(st)s.") % {"s": obj.service.title, "st": obj.get_status_display()}
    )
    if request.htmx:
        return _render_plan(request, case, focus="item", focus_item=obj.pk)
    return redirect("cases:case-detail", pk=case.pk)


@staff_view("cases.transition_case")
@require_POST
def documents(request, pk):
    """Tick the documents of the required-documents checklist that the citizen brought."""
    case = get_case(request, pk)
    services.set_received_documents(request.user, case, request.POST.getlist("documents"))
    messages.success(request, _("Отметки о документах сохранены."))
    if request.htmx:
        return _render(request, case)
    return redirect("cases:case-detail", pk=case.pk)


@staff_view("cases.view_case")
def plan_print(request, pk):
    case = get_case(request, pk)
    items = case.plan_items.exclude(status__in=PlanItemStatus.dropped()).select_related("service")
    services.record_access(request, case, AccessAction.PRINT, _("план для гражданина"))
    return render(request, "cases/plan_print.html", {"case": case, "items": items})


@staff_view("cases.view_case")
@require_POST
def script_start(request, pk, script):
    case = get_case(request, pk)
    obj = get_object_or_404(Script, pk=script, live=True)
    try:
        services.start_script(request.user, case, obj)
    except services.TransitionRefused as exc:
        messages.error(request, str(exc))
        return _render(request, case, status=409)
    if request.htmx:
        return _render(request, case, focus="script")
    return redirect(reverse("cases:case-detail", args=[case.pk]) + "#scripts")


@staff_view("cases.view_case")
@require_POST
def script_answer(request, pk, run):
    case = get_case(request, pk)
    obj = get_object_or_404(ScriptRun, pk=run, case=case)
    try:
        index = int(request.POST.get("answer", ""))
    except ValueError:
        index = -1
    try:
        obj = services.answer_script(request.user, obj, index)
    except services.TransitionRefused as exc:
        messages.error(request, str(exc))
        return _render(request, case, status=409)
    except ValidationError:
        return _render(
            request, case, status=422, focus="script", script_error=_("Выберите один из ответов.")
        )
    if obj.finished:
        messages.success(
            request,
            _("Разговор завершён: %(o)s.") % {"o": OUTCOME_LABELS.get(obj.outcome, obj.outcome)},
        )
    if request.htmx:
        return _render(request, case, focus="script", finished_run=obj if obj.finished else None)
    return redirect(reverse("cases:case-detail", args=[case.pk]) + "#scripts")


@staff_view("cases.change_ipra")
@require_POST
def ipra_to_plan(request, pk):
    """«Добавить мероприятия ИПРА в план»: the IPRA's measures become plan items."""
    case = get_case(request, pk)
    if not request.user.has_perm("cases.add_planitem"):
        raise PermissionDenied("Добавлять пункты плана может куратор.")
    ipra = services.ipra.current_ipra(case.citizen)
    if ipra is None:
        raise Http404
    try:
        added, linked, unmapped = services.ipra.add_measures_to_plan(
            request.user, case, ipra, reason=request.POST.get("contraindication_reason", "")
        )
    except services.ipra.ContraindicationWarning as warning:
        return _render(request, case, status=422, ipra_warning=warning, focus="ipra-warning")
    except services.TransitionRefused as exc:
        messages.error(request, str(exc))
        return _render(request, case, status=409)
    text = _("Из ИПРА в план добавлено услуг: %(n)s.") % {"n": len(added)}
    if linked:
        text += " " + _("Уже были в плане: %(n)s.") % {"n": len(linked)}
    messages.success(request, text)
    if unmapped:
        messages.warning(
            request,
            _(
                "Не сопоставлены с услугами каталога: %(m)s — попросите редактора указать услугу "
                "в справочнике «Мероприятия ИПРА и услуги»."
            )
            % {"m": ", ".join(f"«{m}»" for m in unmapped)},
        )
    if request.htmx:
        return _render(request, case, focus="plan")
    return redirect(reverse("cases:case-detail", args=[case.pk]) + "#plan")
