from rest_framework import serializers

from core.serializers import PortalSerializer, TranslatedField
from projects.serializers import TIMESTAMPS

from .models import ProactiveItem


class ProactiveItemSerializer(PortalSerializer):
    title = TranslatedField()
    description = TranslatedField()
    link = serializers.SerializerMethodField(
        help_text="Where it is published: its PDF on the portal, or its address."
    )

    class Meta:
        model = ProactiveItem
        fields = ("id", "category", "title", "description", "link", "date", *TIMESTAMPS)
        read_only_fields = fields

    def get_link(self, item) -> str:
        link = item.link
        request = self.context.get("request")
        if item.document and request is not None:
            return request.build_absolute_uri(link)
        return link
