"""The hand map widget: the geometry's own sites under the mouse, ulcers at their sites."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sscvisit.handmap import geometry
from sscvisit.handmap.commands import MapState, UlcerMark
from sscvisit.ui.hand_map import VIEW_MODES, HandMapWidget


def make_map(qtbot: QtBot, mode: str = "both") -> HandMapWidget:
    widget = HandMapWidget("en")
    qtbot.addWidget(widget)
    widget.resize(900, 420)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_view_mode(mode)
    return widget


def mark(key: str, hand: str, finger: str, site: str, **values: object) -> UlcerMark:
    return UlcerMark(key=key, hand=hand, finger=finger, site=site, **values)  # type: ignore[arg-type]


@pytest.mark.parametrize("mode", VIEW_MODES)
def test_every_site_shown_is_found_at_its_anchor(qtbot: QtBot, mode: str) -> None:
    widget = make_map(qtbot, mode)
    views = ("volar", "dorsal") if mode == "both" else (mode,)
    shown = [r for view in views for r in geometry.regions(view)]
    if mode == "both":
        assert len(shown) == len(geometry.regions())
    for region in shown:
        point = widget.to_widget(region.anchor)
        assert widget.site_center(region.hand, region.finger, region.site) == point
        found = widget.region_at(point)
        assert found is not None, region
        assert (found.hand, found.finger, found.site) == (region.hand, region.finger, region.site)


def test_sites_of_a_hidden_view_are_not_shown(qtbot: QtBot) -> None:
    widget = make_map(qtbot, "volar")
    with pytest.raises(KeyError):
        widget.site_center("L", "D2", "dorsal_pip")
    qtbot.mouseClick(widget.view_buttons["dorsal"], Qt.MouseButton.LeftButton)
    assert widget.view_mode() == "dorsal"
    assert widget.visible_views() == ("dorsal",)
    with pytest.raises(KeyError):
        widget.site_center("L", "D2", "tip")
    widget.site_center("L", "D2", "dorsal_pip")


def test_model_and_widget_coordinates_round_trip(qtbot: QtBot) -> None:
    widget = make_map(qtbot)
    for point in [(0.0, 0.0), (480.0, 320.0), (733.5, 101.25), (1000.0, 160.0)]:
        back = widget.to_model(widget.to_widget_f(point))
        assert back == pytest.approx(point)
    # The whole drawing fits in the widget, with its aspect ratio kept.
    top_left = widget.to_widget_f((0.0, 0.0))
    bottom_right = widget.to_widget_f((1000.0, 320.0))
    assert top_left.x() >= 0
    assert bottom_right.x() <= widget.width()
    assert top_left.y() >= 0
    assert bottom_right.y() <= widget.height()
    width = bottom_right.x() - top_left.x()
    height = bottom_right.y() - top_left.y()
    assert width / height == pytest.approx(1000 / 320)


def test_clicking_a_site_names_hand_finger_and_site(qtbot: QtBot) -> None:
    widget = make_map(qtbot)
    clicked: list[tuple[str, str, str]] = []
    widget.siteClicked.connect(lambda h, f, s: clicked.append((h, f, s)))
    wanted = [("R", "D2", "tip"), ("L", "D1", "volar"), ("L", "D3", "dorsal_pip")]
    wanted += [("R", "D1", "dorsal_dip"), ("R", "D5", "other"), ("L", "D4", "dorsal_mcp")]
    for hand, finger, site in wanted:
        anchor = geometry.region(hand, finger, site).anchor
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.to_widget(anchor))
    assert clicked == wanted


def test_a_click_outside_the_hands_names_nothing(qtbot: QtBot) -> None:
    widget = make_map(qtbot)
    with qtbot.assertNotEmitted(widget.siteClicked):
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.to_widget((500.0, 160.0)))
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.to_widget((5.0, 310.0)))


def test_ulcers_are_drawn_at_their_sites_and_clicked_by_key(qtbot: QtBot) -> None:
    widget = make_map(qtbot)
    state = MapState(
        marks=(
            mark("u1", "R", "D2", "tip", status="active", length_mm=6.0, width_mm=4.0),
            mark("n1", "L", "D3", "dorsal_pip"),
            # Two at one site (one healed at this visit, one new): side by side.
            mark("u2", "L", "D5", "other", status="healed"),
            mark("n2", "L", "D5", "other"),
        )
    )
    widget.set_state(state)
    assert widget.mark_center("u1") == widget.site_center("R", "D2", "tip")
    assert widget.mark_center("n1") == widget.site_center("L", "D3", "dorsal_pip")
    left, right = widget.mark_center("u2"), widget.mark_center("n2")
    assert left is not None
    assert right is not None
    anchor = widget.to_widget_f(geometry.region("L", "D5", "other").anchor)
    assert left.y() == right.y() == round(anchor.y())
    assert left.x() < anchor.x() < right.x()
    assert right.x() - left.x() >= 2 * widget.marker_radius()

    for key in ("u1", "n1", "u2", "n2"):
        with qtbot.waitSignal(widget.ulcerClicked) as blocker:
            centre = widget.mark_center(key)
            assert centre is not None
            qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=centre)
        assert blocker.args == [key]

    # In the volar view only, the dorsal ulcer is not drawn (and cannot be clicked).
    widget.set_view_mode("volar")
    assert widget.mark_center("n1") is None
    assert widget.mark_center("u1") == widget.site_center("R", "D2", "tip")


def test_hovering_an_ulcer_shows_its_measures(qtbot: QtBot) -> None:
    widget = make_map(qtbot)
    widget.set_state(
        MapState(
            marks=(
                mark(
                    "u7",
                    "R",
                    "D2",
                    "tip",
                    status="active",
                    length_mm=6.0,
                    width_mm=4.0,
                    pain_vas=40.0,
                    infection=True,
                    on_calcinosis=True,
                ),
            )
        )
    )
    text = widget.tooltip_text("u7")
    assert "#1" in text
    assert "18.85" in text  # DOMAIN.md: 6 x 4 mm -> 18.85 mm^2 (scoring.ulcer.ellipse_area)
    assert "6 × 4 mm" in text
    assert "40" in text
    assert "infected" in text.lower()
    assert "calcinosis" in text


def test_the_selected_ulcer_is_remembered_and_forgotten_with_it(qtbot: QtBot) -> None:
    widget = make_map(qtbot)
    widget.set_state(MapState(marks=(mark("n1", "R", "D2", "tip"),)))
    widget.set_selected("n1")
    assert widget.selected() == "n1"
    widget.set_state(MapState())
    assert widget.selected() is None


def test_dragging_an_ulcer_onto_another_site_moves_it(qtbot: QtBot) -> None:
    widget = make_map(qtbot)
    widget.set_state(MapState(marks=(mark("n1", "R", "D2", "tip"),)))
    start = widget.mark_center("n1")
    assert start is not None
    target = widget.site_center("R", "D3", "tip")

    def send(kind: QMouseEvent.Type, at: QPoint, buttons: Qt.MouseButton) -> None:
        point = QPointF(at)
        event = QMouseEvent(
            kind,
            point,
            QPointF(widget.mapToGlobal(at)),
            Qt.MouseButton.LeftButton
            if kind != QMouseEvent.Type.MouseMove
            else Qt.MouseButton.NoButton,
            buttons,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(widget, event)

    with qtbot.waitSignal(widget.ulcerDropped) as blocker:
        send(QMouseEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton)
        send(QMouseEvent.Type.MouseMove, (start + target) / 2, Qt.MouseButton.LeftButton)
        send(QMouseEvent.Type.MouseMove, target, Qt.MouseButton.LeftButton)
        send(QMouseEvent.Type.MouseButtonRelease, target, Qt.MouseButton.NoButton)
    assert blocker.args == ["n1", "R", "D3", "tip"]


def test_a_read_only_map_never_drags(qtbot: QtBot) -> None:
    widget = make_map(qtbot)
    widget.set_editable(False)
    widget.set_state(MapState(marks=(mark("n1", "R", "D2", "tip"),)))
    start = widget.mark_center("n1")
    assert start is not None
    target = widget.site_center("R", "D3", "tip")
    with qtbot.assertNotEmitted(widget.ulcerDropped):
        qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=start)
        qtbot.mouseMove(widget, target)
        qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=target)


def test_the_hands_are_painted_once_per_size(qtbot: QtBot) -> None:
    widget = make_map(qtbot)
    first = widget.static_pixmap()
    widget.set_state(MapState(marks=(mark("n1", "R", "D2", "tip"),)))
    widget.repaint()
    assert widget.static_pixmap().cacheKey() == first.cacheKey()
    widget.resize(1000, 500)
    assert widget.static_pixmap().cacheKey() != first.cacheKey()
    widget.set_view_mode("dorsal")
    assert widget.static_pixmap().size().width() == round(1000 * widget.devicePixelRatioF())


def test_the_legend_names_every_status(qtbot: QtBot) -> None:
    widget = make_map(qtbot)
    assert [status for status, _text in widget.legend_items()] == ["active", "new", "healed"]
