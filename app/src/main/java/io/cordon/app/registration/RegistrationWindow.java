package io.cordon.app.registration;

import io.cordon.api.v1.Event;
import io.cordon.api.v1.Role;
import io.cordon.app.i18n.I18n;
import io.cordon.app.theme.Styles;
import io.cordon.client.auth.Session;
import io.cordon.client.event.EventFeed;
import io.cordon.client.registration.ApplicationReviewViewModel;
import io.cordon.client.registration.BlacklistViewModel;
import io.cordon.client.registration.InboxViewModel;
import io.cordon.client.registration.RegistrationClient;
import io.cordon.client.registration.RegistrySearchViewModel;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/**
 * 审批与登记: the reviewers' own window (so the control-room layout stays uncluttered) with the
 * tabs 审批待办 (inbox and review pane), 登记查询 and 黑名单与违规. Built on first {@link #show()};
 * as an {@link EventFeed.Listener} it keeps the inbox current while it is open.
 */
public final class RegistrationWindow implements EventFeed.Listener {
  public static final String INBOX_TAB_ID = "reg-tab-inbox";
  public static final String SEARCH_TAB_ID = "reg-tab-search";
  public static final String BLACKLIST_TAB_ID = "reg-tab-blacklist";

  private final I18n i18n;
  private final RegistrationTexts texts;
  private final InboxViewModel inbox;
  private final ApplicationReviewViewModel review;
  private final RegistrySearchViewModel search;
  private final BlacklistViewModel blacklist;
  private Stage stage;
  private InboxView inboxView;

  public RegistrationWindow(RegistrationClient client, I18n i18n, Clock clock, Executor ui) {
    Objects.requireNonNull(client, "client");
    this.i18n = Objects.requireNonNull(i18n, "i18n");
    this.texts = new RegistrationTexts(i18n);
    this.inbox = new InboxViewModel(client, clock, ui);
    this.review = new ApplicationReviewViewModel(client, clock, ui);
    this.search = new RegistrySearchViewModel(client, ui);
    this.blacklist = new BlacklistViewModel(client, clock, ui);
  }

  /** Reviewers are supervisors (a department's reviewer account); admins read. */
  public static boolean mayOpen(Session session) {
    return session.hasRole(Role.ROLE_SUPERVISOR) || session.hasRole(Role.ROLE_ADMIN);
  }

  /** Opens the window (or brings it to the front) and reloads the inbox and lists. */
  public void show() {
    if (stage == null) {
      stage = build();
    }
    inbox.refresh();
    blacklist.refresh();
    stage.show();
    stage.toFront();
  }

  public Stage stage() {
    return stage;
  }

  public InboxViewModel inbox() {
    return inbox;
  }

  public ApplicationReviewViewModel review() {
    return review;
  }

  public RegistrySearchViewModel search() {
    return search;
  }

  public BlacklistViewModel blacklist() {
    return blacklist;
  }

  /** Brings the tab with this id to the front (the blacklist tab reloads its lists). */
  public void selectTab(String id) {
    TabPane tabs = (TabPane) stage.getScene().getRoot();
    tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
        .ifPresent(t -> tabs.getSelectionModel().select(t));
  }

  public InboxView inboxView() {
    return inboxView;
  }

  @Override
  public void onEvents(List<Event> batch) {
    if (stage != null && stage.isShowing()) {
      inbox.onEvents(batch);
    }
  }

  public void close() {
    if (inboxView != null) {
      inboxView.close();
    }
    if (stage != null) {
      stage.close();
    }
  }

  private Stage build() {
    inboxView = new InboxView(inbox, review, texts);
    TabPane tabs = new TabPane(
        tab(INBOX_TAB_ID, "registration.tab.inbox", inboxView.root()),
        tab(SEARCH_TAB_ID, "registration.tab.search", new RegistrySearchView(search, texts).root()),
        tab(BLACKLIST_TAB_ID, "registration.tab.blacklist", new BlacklistView(blacklist, texts).root()));
    tabs.getStyleClass().add(RegistrationStyles.WINDOW);
    tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
      if (now != null && BLACKLIST_TAB_ID.equals(now.getId())) {
        blacklist.refresh();
      }
    });
    Stage s = new Stage();
    s.titleProperty().bind(i18n.text("registration.window.title"));
    // as large as a reviewer needs, never larger than the screen
    javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
    Scene scene = new Scene(tabs, Math.min(1560, screen.getWidth()), Math.min(940, screen.getHeight()));
    Styles.apply(scene);
    s.setScene(scene);
    s.setOnHidden(e -> inboxView.close());
    s.setOnShown(e -> inboxView.start());
    return s;
  }

  private Tab tab(String id, String key, javafx.scene.Node content) {
    Tab tab = new Tab();
    tab.setId(id);
    tab.textProperty().bind(i18n.text(key));
    tab.setContent(content);
    tab.setClosable(false);
    return tab;
  }
}
