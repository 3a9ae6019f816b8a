"""A draft as the public will see it, for staff only: anyone else gets a 404."""

from django.apps import apps
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.module_loading import import_string
from django.views.decorators.cache import never_cache

# model label → the public detail view whose template shows it.
PREVIEW_VIEWS = {
    "projects.axis": "projects.views.AxisDetailView",
    "projects.project": "projects.views.ProjectDetailView",
    "consultations.meeting": "consultations.views.MeetingDetailView",
    "workshops.workshop": "workshops.views.WorkshopDetailView",
    "workshops.proposal": "workshops.views.ProposalDetailView",
}


@never_cache
def preview(request, app_label, model_name, pk):
    label = f"{app_label}.{model_name}"
    user = request.user
    if (
        label not in PREVIEW_VIEWS
        or not user.is_active
        or not user.is_staff
        or not user.has_perm(f"{app_label}.view_{model_name}")
    ):
        raise Http404
    model = apps.get_model(app_label, model_name)
    obj = get_object_or_404(model, pk=pk)
    # The public view, given the object instead of looking it up among published ones.
    view = import_string(PREVIEW_VIEWS[label]).as_view(
        get_object=lambda queryset=None: obj
    )
    response = view(request, pk=obj.pk, slug=getattr(obj, "slug", ""))
    response["X-Robots-Tag"] = "noindex"
    return response
