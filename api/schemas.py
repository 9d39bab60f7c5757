"""JSON Schemas of the read answers, for the OpenAPI document (``/openapi.json``).

The endpoints return pre-serialised JSON (see :mod:`samspil.api.fastpath`), so
the shapes are declared here instead of through response models.
"""
from __future__ import annotations

from typing import Any

__all__ = ["LIST", "SEARCH", "DETAIL", "GRAPH", "ok_json"]

_SOURCE = {"type": "object", "required": ["document"],
           "properties": {"document": {"type": "string"}, "line": {"type": "integer"},
                          "page": {"type": "integer"}, "excerpt": {"type": "string"}}}
_ENTITY = {"type": "object", "required": ["id", "label", "name"],
           "properties": {"id": {"type": "string"}, "label": {"type": "string"},
                          "name": {"type": ["string", "null"]}},
           "additionalProperties": True}

LIST: dict[str, Any] = {
    "type": "object", "required": ["ok", "total", "limit", "offset", "items"],
    "properties": {"ok": {"type": "boolean"}, "total": {"type": "integer"},
                   "limit": {"type": "integer"}, "offset": {"type": "integer"},
                   "items": {"type": "array", "items": {"type": "object"}}}}

_REF = {"type": "object", "required": ["id", "name"],
        "properties": {"id": {"type": "string"}, "name": {"type": "string"}}}
SEARCH: dict[str, Any] = {
    "type": "object", "required": ["ok", "total", "limit", "offset", "items"],
    "properties": {
        "ok": {"type": "boolean"}, "total": {"type": "integer"},
        "limit": {"type": "integer"}, "offset": {"type": "integer"},
        "items": {"type": "array", "items": {
            "type": "object",
            "required": ["id", "label", "name", "match", "context", "municipalities", "plans",
                         "plan_count", "parents"],
            "properties": {
                "id": {"type": "string"}, "label": {"type": "string"}, "name": {"type": "string"},
                "match": {"type": "string", "enum": ["exact", "prefix", "contains"]},
                "about": {"type": "string", "description": "persons and activities: what tells "
                          "them from others of their name (title, organisation, plans)"},
                "context": {"type": "string", "description": "one line to show beside the name: "
                            "the organisation it is a unit of, municipalities, plans (or the "
                            "documents naming it); a plan: municipality and period"},
                "municipalities": {"type": "array", "items": {"type": "string"}},
                "plans": {"type": "array", "items": _REF, "description": "the first five, by name"},
                "plan_count": {"type": "integer"},
                "parents": {"type": "array", "items": _REF,
                            "description": "the organisations it is a unit of"}},
            "additionalProperties": True}}}}

DETAIL: dict[str, Any] = {
    "type": "object", "required": ["ok", "item", "relationships", "evidence"],
    "properties": {
        "ok": {"type": "boolean"}, "item": _ENTITY,
        "relationships": {"type": "array", "items": {
            "type": "object", "required": ["type", "direction", "id", "label", "name", "sources"],
            "properties": {"type": {"type": "string"},
                           "direction": {"type": "string", "enum": ["out", "in"]},
                           "id": {"type": "string"}, "label": {"type": "string"},
                           "name": {"type": "string"},
                           "sources": {"type": "array", "items": _SOURCE}}}},
        "evidence": {"type": "array", "items": _SOURCE},
        "context": {"type": "string", "description": "where it belongs, as its search hit "
                    "says: the organisation it is a unit of, municipalities, plans"}}}

_LEGEND = {"type": "object", "properties": {"name": {"type": "string"},
                                           "colour": {"type": "string"},
                                           "shape": {"type": "string"},
                                           "key": {"type": "string"}}}
NETWORK: dict[str, Any] = {
    "type": "object", "required": ["ok", "form", "kind", "title", "nodes", "edges", "legend"],
    "properties": {
        "ok": {"type": "boolean"}, "form": {"const": "network"}, "kind": {"type": "string"},
        "title": {"type": "string"},
        "nodes": {"type": "array", "items": {
            "type": "object",
            "required": ["id", "name", "kind", "x", "y", "size", "colour", "shape", "hover"],
            "properties": {"id": {"type": "string"}, "name": {"type": "string"},
                           "kind": {"type": "string"}, "x": {"type": "number"},
                           "y": {"type": "number"}, "size": {"type": "number"},
                           "colour": {"type": "string"}, "shape": {"type": "string"},
                           "hover": {"type": "string"}, "type": {"type": ["string", "null"]},
                           "label": {"type": "boolean"}, "label_above": {"type": "boolean"}}}},
        "edges": {"type": "array", "items": {
            "type": "object", "required": ["source", "target", "kind", "weight"],
            "properties": {"source": {"type": "string"}, "target": {"type": "string"},
                           "kind": {"type": "string"}, "weight": {"type": "number"},
                           "colour": {"type": "string"}, "hover": {"type": "string"}}}},
        "legend": {"type": "array", "items": _LEGEND},
        "note": {"type": "string"}, "empty": {"type": "string"}, "params": {"type": "object"}}}

_PAIRS = {"type": "array", "items": {"type": "array", "items": {"type": "string"},
                                     "minItems": 2, "maxItems": 2}}
MATRIX: dict[str, Any] = {
    "type": "object",
    "required": ["ok", "form", "kind", "title", "rows", "cols", "cells", "legend", "empty"],
    "properties": {
        "ok": {"type": "boolean"}, "form": {"const": "matrix"}, "kind": {"type": "string"},
        "title": {"type": "string"}, "rows": _PAIRS, "cols": _PAIRS, "row_notes": _PAIRS,
        "cells": {"type": "array", "items": {
            "type": "object", "required": ["row", "col", "state", "value", "text", "detail"],
            "properties": {"row": {"type": "string"}, "col": {"type": "string"},
                           "state": {"type": "string"}, "value": {"type": "number"},
                           "text": {"type": "string"}, "detail": {"type": "string"},
                           "items": {"type": "array", "items": {"type": "object"}}}}},
        "legend": {"type": "array", "items": _LEGEND}, "caption": {"type": "string"},
        "empty": {"type": "string"}, "max_value": {"type": "number"}}}

# /api/graph: a network, or (overlap and gaps by default) a matrix
GRAPH: dict[str, Any] = {"oneOf": [NETWORK, MATRIX]}


def ok_json(schema: dict[str, Any], description: str = "OK") -> dict[int | str, dict[str, Any]]:
    """``responses=`` entry declaring the 200 answer's JSON schema."""
    return {200: {"description": description,
                  "content": {"application/json": {"schema": schema}}}}
