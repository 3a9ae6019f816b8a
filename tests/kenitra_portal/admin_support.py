"""What the admin tests share: a project's change page, and its form's data as the
browser sends it back."""

from django.urls import reverse

from core import revisions


def form_data(response):
    """What the browser would send back from an admin change form, unchanged: the
    input a revision keeps (core.revisions.post_data), the inline rows included."""
    data = {}

    def put(form):
        for key, values in revisions.post_data(form).lists():
            data[key] = values[0] if len(values) == 1 else values

    put(response.context["adminform"].form)
    for inline in response.context.get("inline_admin_formsets") or ():
        formset = inline.formset
        for name in formset.management_form.fields:
            data[formset.management_form.add_prefix(name)] = formset.management_form[
                name
            ].value()
        for inline_form in formset.forms:
            put(inline_form)
    return data


def change_url(obj):
    return reverse("admin:projects_project_change", args=[obj.pk])


def open_form(client, obj):
    response = client.get(change_url(obj))
    assert response.status_code == 200
    return form_data(response)
