"""A draft as the public will see it, for staff only: anyone else gets a 404.

The page is the record's own public page: its `get_absolute_url()` is resolved to the
view that shows it, and that view is given the draft instead of looking it up among
the published rows. So a new model gets a preview by having a public page, and no
list of previewable models is kept.
"""

from django.apps import apps
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve
from django.views.decorators.cache import never_cache
from django.views.generic.detail import SingleObjectMixin

from .models import PublishableModel


def public_view(obj):
    """(view class, URL kwargs) of the page that shows `obj`, or None if none does."""
    get_absolute_url = getattr(obj, "get_absolute_url", None)
    if not isinstance(obj, PublishableModel) or get_absolute_url is None:
        return None
    try:
        match = resolve(get_absolute_url())
    except Resolver404:
        return None
    view_class = getattr(match.func, "view_class", None)
    if view_class is None or not issubclass(view_class, SingleObjectMixin):
        return None
    # A page reached through its parent's address (an update on its project's page)
    # shows the parent, not this record.
    if view_class().get_queryset().model is not type(obj):
        return None
    return view_class, match.kwargs


def _detail_views(patterns):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _detail_views(pattern.url_patterns)
        elif isinstance(pattern, URLPattern):
            view_class = getattr(pattern.callback, "view_class", None)
            if view_class is not None and issubclass(view_class, SingleObjectMixin):
                yield view_class


def models_with_pages():
    """The publishable models that have a public page of their own (a detail view)."""
    return {
        model
        for view_class in _detail_views(get_resolver().url_patterns)
        if issubclass(model := view_class().get_queryset().model, PublishableModel)
    }


@never_cache
def preview(request, app_label, model_name, pk):
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        raise Http404 from None
    user = request.user
    if (
        not user.is_active
        or not user.is_staff
        or not user.has_perm(f"{app_label}.view_{model_name}")
    ):
        raise Http404
    obj = get_object_or_404(model, pk=pk)
    found = public_view(obj)
    if found is None:
        raise Http404
    view_class, kwargs = found
    view = view_class.as_view(get_object=lambda queryset=None: obj)
    # base.html says on every preview that the page is not what the public sees.
    request.preview_of = obj
    response = view(request, **kwargs)
    response["X-Robots-Tag"] = "noindex"
    return response
