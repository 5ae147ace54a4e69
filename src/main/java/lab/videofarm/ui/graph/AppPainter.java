package lab.videofarm.ui.graph;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Rectangle;
import java.util.List;
import lab.videofarm.ui.scene.AppLaunch;
import lab.videofarm.ui.scene.AppSession;
import lab.videofarm.ui.scene.AppSession.CompletionHandler;
import lab.videofarm.ui.scene.AppStatus;
import lab.videofarm.ui.scene.Scene;

/**
 * The app's side: the latest launch of each app with the objects it built (AppDelegate →
 * VFMAPIClient → URLSession → delegate) and its records, drawn from the archive files after a
 * relaunch. A killed launch fades away; a new one slides in.
 */
final class AppPainter {
  private static final double DEAD_ALPHA = 0.22;
  private static final String HANDLER_CALLED = "completionHandler() called";

  private final Canvas c;
  private final Anchors anchors;
  private final Animations animations;
  private final Highlight highlight;

  /** The right edge of the card being drawn: side notes stay inside it. */
  private int cardRight;

  AppPainter(Canvas c, Anchors anchors, Animations animations, Highlight highlight) {
    this.c = c;
    this.anchors = anchors;
    this.animations = animations;
    this.highlight = highlight;
  }

  void paint(Scene scene, Rectangle area) {
    Palette p = c.palette;
    List<AppStatus> apps = scene.apps().values().stream().filter(a -> a.launch() > 0).toList();
    int y = area.y + c.lineHeight(p.title()) - c.gap() / 2;
    String title =
        apps.isEmpty()
            ? "App"
            : String.join(", ", apps.stream().map(AppStatus::shortName).toList()) + " app";
    c.text(title, p.title(), p.text(), area.x, y, area.width);
    y += c.lineHeight(p.small());
    c.text(
        "each launch rebuilds its objects from nothing",
        p.small(),
        p.muted(),
        area.x,
        y,
        area.width);
    y += c.gap() * 2;
    if (apps.isEmpty()) {
      c.text(
          "not launched yet", p.body(), p.muted(), area.x, y + c.lineHeight(p.body()), area.width);
      return;
    }
    int each = (area.y + area.height - y) / apps.size();
    for (AppStatus app : apps) {
      launch(
          scene,
          scene.latestLaunch(app.bundleId()),
          new Rectangle(area.x, y, area.width, each - c.gap()));
      y += each;
    }
  }

  private void launch(Scene scene, AppLaunch launch, Rectangle room) {
    if (launch == null) {
      return;
    }
    double alpha;
    int shift = 0;
    double death = 0;
    if (launch.alive()) {
      alpha = animations.progress(animations.appears.get(launch.number()), Animations.APPEAR_MS);
      shift = (int) Math.round((1 - alpha) * c.gap() * 6);
    } else {
      death = animations.progress(animations.fades.get(launch.number()), Animations.FADE_MS);
      alpha = 1 - (1 - DEAD_ALPHA) * death;
    }
    Composite before = c.g.getComposite();
    c.g.setComposite(AlphaComposite.SrcOver.derive((float) alpha));
    int earlier = c.lineHeight(c.palette.small()) + c.gap();
    Rectangle card =
        new Rectangle(room.x + shift, room.y, room.width - shift, room.height - earlier);
    card(launch, card);
    c.g.setComposite(before);
    if (!launch.alive()) {
      deadOverlay(launch, card, death);
    }
    earlierLaunches(scene, launch, room.x, room.y + room.height - c.gap() / 2, room.width);
  }

  private void card(AppLaunch launch, Rectangle card) {
    Palette p = c.palette;
    c.box(
        card, p.boxFill(), launch.alive() ? p.accent() : p.boxBorder(), launch.alive() ? 2f : 1.5f);
    int pad = c.gap();
    int x = card.x + pad;
    int inner = card.width - 2 * pad;
    cardRight = card.x + card.width - pad / 2;
    int y = card.y + pad + c.lineHeight(p.bold()) - pad / 3;
    String state = launch.state().name();
    Rectangle chip = c.chipBounds(state, 0, 0);
    c.chip(
        state,
        stateColor(launch),
        card.x + card.width - pad - chip.width,
        y - chip.height + pad / 3,
        true);
    c.text("launch " + launch.number(), p.bold(), p.text(), x, y, inner - chip.width);
    y += c.lineHeight(p.small());
    c.text(subtitle(launch), p.small(), p.muted(), x, y, inner);
    y += pad;
    y = chain(launch, x, y, inner);
    new RecordsPainter(c, highlight)
        .paint(launch, new Rectangle(x, y + pad, inner, card.y + card.height - y - 2 * pad));
  }

  /** AppDelegate → VFMAPIClient → URLSession(s) → delegate, top to bottom. Returns the bottom. */
  private int chain(AppLaunch launch, int x, int y, int inner) {
    int boxWidth = boxWidth(launch, inner);
    int objectHeight = c.lineHeight(c.palette.body()) + c.gap();
    int arrow = c.gap() * 2;
    boolean ready = launch.delegateReady();
    Rectangle appDelegate =
        objectBox("AppDelegate", new Rectangle(x, y, boxWidth, objectHeight), ready);
    handlerChip(launch, appDelegate);
    Rectangle client =
        objectBox(
            "VFMAPIClient",
            new Rectangle(x, below(appDelegate, arrow), boxWidth, objectHeight),
            ready);
    down(appDelegate, client);
    int sessionHeight = objectHeight + c.lineHeight(c.palette.small());
    Rectangle first = new Rectangle(x, below(client, arrow), boxWidth, sessionHeight);
    down(client, first);
    List<AppSession> sessions = launch.sessions();
    if (sessions.isEmpty()) {
      c.dashedBox(first, c.palette.boxBorder());
      c.text(
          "no URLSession yet",
          c.palette.body(),
          c.palette.muted(),
          x + c.gap(),
          first.y + objectHeight - c.gap() / 2,
          boxWidth - 2 * c.gap());
      return below(first, 0);
    }
    AppSession main = mainSession(sessions);
    sessionBox(launch, main, first);
    Rectangle delegate = new Rectangle(x, below(first, arrow), boxWidth, sessionHeight);
    delegateBox(sessions, delegate);
    anchors.delegates.put(launch.number(), delegate);
    down(first, delegate);
    return otherSessions(
        launch, main, new Rectangle(x, below(delegate, 0), boxWidth, sessionHeight));
  }

  /**
   * The sessions besides {@code main}, one box of {@code first}'s size each; returns the bottom.
   */
  private int otherSessions(AppLaunch launch, AppSession main, Rectangle first) {
    int y = first.y;
    for (AppSession other : launch.sessions()) {
      if (other != main && !(other.detached() && launch.alive())) {
        Rectangle box = new Rectangle(first.x, y + c.gap() / 2, first.width, first.height);
        sessionBox(launch, other, box);
        y = below(box, 0);
      }
    }
    return y;
  }

  /** Wide enough for every session's identifier, leaving room for the notes beside. */
  private int boxWidth(AppLaunch launch, int inner) {
    int idWidth =
        launch.sessions().stream()
            .mapToInt(session -> c.width(session.identifier(), c.palette.small()))
            .max()
            .orElse(0);
    int roomForNotes = inner - c.chipBounds(HANDLER_CALLED, 0, 0).width - 2 * c.gap();
    int boxWidth = Math.max(idWidth + 2 * c.gap(), Math.min((int) (inner * 0.58), roomForNotes));
    return Math.min(inner, boxWidth);
  }

  /** The session the delegate serves in the diagram: the latest background one, if any. */
  private static AppSession mainSession(List<AppSession> sessions) {
    AppSession main = sessions.get(0);
    for (AppSession session : sessions) {
      if (!session.isDefault() && (main.isDefault() || session.createdAt() >= main.createdAt())) {
        main = session;
      }
    }
    return main;
  }

  private static int below(Rectangle r, int gap) {
    return r.y + r.height + gap;
  }

  /** An arrow from the middle of one box's bottom to the next box's top. */
  private void down(Rectangle from, Rectangle to) {
    int x = from.x + from.width / 2;
    c.arrow(x, below(from, 0), x, to.y - 2, c.palette.boxBorder(), 2f);
  }

  private Rectangle objectBox(String name, Rectangle r, boolean exists) {
    Palette p = c.palette;
    if (exists) {
      c.box(r, p.background(), p.boxBorder(), 1.5f);
    } else {
      c.dashedBox(r, p.boxBorder());
    }
    int baseline = r.y + (r.height + c.g.getFontMetrics(p.bold()).getAscent()) / 2 - c.gap() / 6;
    c.text(name, p.bold(), exists ? p.text() : p.muted(), r.x + c.gap(), baseline, r.width);
    return r;
  }

  private void handlerChip(AppLaunch launch, Rectangle delegateBox) {
    Palette p = c.palette;
    for (AppSession session : launch.sessions()) {
      if (session.handler() == CompletionHandler.NONE) {
        continue;
      }
      boolean called = session.handler() == CompletionHandler.CALLED;
      Long pulse = animations.pulses.get(launch.number() + ":handler");
      boolean lit = pulse != null && animations.progress(pulse, Animations.PULSE_MS) < 1;
      sideChip(
          delegateBox,
          called ? HANDLER_CALLED : "completionHandler waiting",
          called ? "handler called" : "handler waiting",
          called ? p.good() : p.warn(),
          lit);
      return;
    }
  }

  private void sessionBox(AppLaunch launch, AppSession session, Rectangle box) {
    Palette p = c.palette;
    c.box(
        box,
        p.background(),
        session.detached() ? p.boxBorder() : p.accent(),
        session.detached() ? 1.5f : 2f);
    anchors.appSessions.put(Anchors.appSession(launch.number(), session.daemonId()), box);
    int baseline = box.y + c.gap() / 2 + c.g.getFontMetrics(p.bold()).getAscent();
    int w = c.text("URLSession", p.bold(), p.text(), box.x + c.gap(), baseline, box.width);
    c.text(
        session.isDefault() ? "(default)" : "",
        p.small(),
        p.muted(),
        box.x + w + c.gap() * 2,
        baseline,
        box.width);
    String id = session.isDefault() ? session.daemonId() : session.identifier();
    c.text(
        id,
        p.small(),
        p.muted(),
        box.x + c.gap(),
        baseline + c.lineHeight(p.small()),
        box.width - 2 * c.gap());
    if (session.relinked()) {
      sideChip(box, "relinked by identifier", "relinked", p.accent(), false);
    }
  }

  /**
   * A note on a box: beside it when there is room in the card, in {@code shortText} when only that
   * fits beside, else as a badge on its corner.
   */
  private void sideChip(Rectangle box, String text, String shortText, Color color, boolean filled) {
    int x = box.x + box.width + c.gap();
    if (x + c.chipBounds(text, 0, 0).width > cardRight
        && x + c.chipBounds(shortText, 0, 0).width <= cardRight) {
      text = shortText;
    }
    Rectangle bounds = c.chipBounds(text, 0, 0);
    int y = box.y + (box.height - bounds.height) / 2;
    if (x + bounds.width > cardRight) {
      x = Math.max(box.x + c.gap(), box.x + box.width - bounds.width - c.gap());
      y = box.y + box.height - bounds.height / 2;
    }
    c.chip(text, color, x, y, filled);
  }

  private void delegateBox(List<AppSession> sessions, Rectangle box) {
    Palette p = c.palette;
    boolean receiving = !animations.flights.isEmpty();
    c.box(box, p.background(), receiving ? p.warn() : p.boxBorder(), receiving ? 2.5f : 1.5f);
    int baseline = box.y + c.gap() / 2 + c.g.getFontMetrics(p.bold()).getAscent();
    int w = c.text("delegate", p.bold(), p.text(), box.x + c.gap(), baseline, box.width);
    c.text(
        "VFMAPIClient",
        p.small(),
        p.muted(),
        box.x + w + c.gap() * 2,
        baseline,
        box.width - w - 3 * c.gap());
    AppSession last =
        sessions.stream()
            .filter(s -> !s.lastDelegateCall().isEmpty())
            .max((a, b) -> Long.compare(a.delegateAt(), b.delegateAt()))
            .orElse(null);
    String call =
        last == null
            ? "no calls yet"
            : last.lastDelegateCall()
                + (last.lastDelegateTask() >= 0 ? " #" + last.lastDelegateTask() : "");
    c.text(
        call,
        p.small(),
        last == null ? p.muted() : p.text(),
        box.x + c.gap(),
        baseline + c.lineHeight(p.small()),
        box.width - 2 * c.gap());
  }

  private void deadOverlay(AppLaunch launch, Rectangle card, double progress) {
    Palette p = c.palette;
    Composite before = c.g.getComposite();
    c.g.setComposite(AlphaComposite.SrcOver.derive((float) progress));
    int mid = card.y + card.height / 2;
    String title = "NOT RUNNING";
    int w = c.width(title, p.title());
    String reason = "launch " + launch.number() + ": " + launch.endReason();
    int plateWidth =
        Math.min(card.width - 2 * c.gap(), Math.max(w, c.width(reason, p.body())) + 4 * c.gap());
    int plateHeight = c.lineHeight(p.title()) + c.lineHeight(p.body()) + 2 * c.gap();
    Rectangle plate =
        new Rectangle(
            card.x + (card.width - plateWidth) / 2,
            mid - c.lineHeight(p.title()) - c.gap(),
            plateWidth,
            plateHeight);
    c.box(plate, p.background(), p.bad(), 2f);
    c.text(title, p.title(), p.bad(), card.x + (card.width - w) / 2, mid, card.width);
    int ww = Math.min(plateWidth, c.width(reason, p.body()));
    c.text(
        reason,
        p.body(),
        p.text(),
        card.x + (card.width - ww) / 2,
        mid + c.lineHeight(p.body()) - c.gap() / 2,
        plateWidth);
    c.g.setComposite(before);
  }

  private void earlierLaunches(Scene scene, AppLaunch latest, int x, int baseline, int width) {
    StringBuilder text = new StringBuilder();
    for (AppLaunch launch : scene.launches().values()) {
      if (launch.bundleId().equals(latest.bundleId()) && launch.number() < latest.number()) {
        text.append(text.length() == 0 ? "earlier: " : "; ");
        text.append("launch ").append(launch.number());
        text.append(launch.alive() ? " running" : " — " + launch.endReason());
      }
    }
    c.text(text.toString(), c.palette.small(), c.palette.muted(), x, baseline, width);
  }

  private static String subtitle(AppLaunch launch) {
    String how = launch.inBackground() ? "launched in the background" : "launched";
    String why =
        switch (launch.reason()) {
          case "USER" -> "by the user";
          case "URL_SESSION_EVENTS" -> "for its URL session's events";
          case "BACKGROUND_FETCH" -> "for a background fetch";
          default -> launch.reason().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
    return how + " " + why;
  }

  private Color stateColor(AppLaunch launch) {
    Palette p = c.palette;
    return switch (launch.state()) {
      case FOREGROUND -> p.good();
      case BACKGROUND -> p.accent();
      case SUSPENDED -> p.muted();
      case NOT_RUNNING -> p.bad();
    };
  }
}
