// The GoldenPath chat page: log in against the auth service, talk to this backend over its
// WebSocket (PROTOCOL.md §3), show the agent's events as they arrive and the thread history.
// Plain JavaScript, no build step. Everything the specs touch carries a data-testid.
// It reads the netra-apex dialect too (GOLDENPATH_DIALECT, shared/dialects/netra-apex.md): error_message frames, no
// message_ack (its own run is the first new run after sending), fields under `data`, the history bodies' other shape.
'use strict';

const CONNECT_TIMEOUT_MS = 10000;
const SESSION_KEY = 'goldenpath.session';
const THREAD_KEY = 'goldenpath.thread';
const AUTH_URL_KEY = 'goldenpath.authUrl';

// What a person is told when the connection ends; the code is always shown too.
const CLOSE_MESSAGES = {
  1000: 'The server closed the connection.',
  1001: 'The server is shutting down. Reconnect in a moment.',
  1006: 'The connection dropped without a close frame: the server or the network went away.',
  1008: 'Authentication refused: the server did not accept your login. Log in again.',
  1009: 'Message too large: the server closed the connection.',
  1011: 'The server is not ready or hit an internal error. Try again shortly.',
};

const byTestId = (id) => document.querySelector(`[data-testid="${id}"]`);

const ui = {
  status: byTestId('connection-status'),
  currentUser: byTestId('current-user'),
  logout: byTestId('logout'),
  connectionError: byTestId('connection-error'),
  connectionErrorText: byTestId('connection-error-text'),
  reconnect: byTestId('reconnect'),
  loginView: byTestId('login-view'),
  loginForm: byTestId('login-form'),
  authUrl: byTestId('auth-url'),
  register: byTestId('register'),
  loginError: byTestId('login-error'),
  chatView: byTestId('chat-view'),
  newThread: byTestId('new-thread'),
  threadList: byTestId('thread-list'),
  historyError: byTestId('history-error'),
  messages: byTestId('messages'),
  messageForm: byTestId('message-form'),
  messageInput: byTestId('message-input'),
  send: byTestId('send'),
  timeline: byTestId('timeline'),
  answer: byTestId('answer'),
};

const state = {
  session: readJson(sessionStorage, SESSION_KEY),
  threadId: sessionStorage.getItem(THREAD_KEY),
  socket: null,
  established: false,
  serverError: null,
  pendingMessageId: null,
  // Whether the server acknowledges a user_message (PROTOCOL §3); a welcome without server_time is netra-apex's, which does not.
  serverAcks: true,
  // Without acks: a message was sent and no new run has started since (that run will be the message's).
  awaitingRun: false,
  ownRunId: null,
};

// ---- storage -------------------------------------------------------------

function readJson(storage, key) {
  try {
    return JSON.parse(storage.getItem(key));
  } catch {
    return null;
  }
}

function saveSession(session) {
  state.session = session;
  if (session) {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  } else {
    sessionStorage.removeItem(SESSION_KEY);
    sessionStorage.removeItem(THREAD_KEY);
  }
}

function selectThread(threadId) {
  state.threadId = threadId;
  if (threadId) {
    sessionStorage.setItem(THREAD_KEY, threadId);
  } else {
    sessionStorage.removeItem(THREAD_KEY);
  }
}

// The auth service is another origin: ?auth=<url> names it, else the last one used, else this origin.
function initialAuthUrl() {
  return new URLSearchParams(location.search).get('auth') || localStorage.getItem(AUTH_URL_KEY) || location.origin;
}

function newMessageId() {
  if (crypto.randomUUID) {
    return crypto.randomUUID();
  }

  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// ---- auth service ----------------------------------------------------------

async function authenticate(path, body) {
  const authUrl = ui.authUrl.value.replace(/\/+$/, '');
  localStorage.setItem(AUTH_URL_KEY, authUrl);
  let response;
  try {
    response = await fetch(`${authUrl}/auth/${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new Error(`the auth service at ${authUrl} did not answer (${error.message})`);
  }

  const answer = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(`${answer.message || answer.error || 'request refused'} (HTTP ${response.status})`);
  }

  return { authUrl, accessToken: answer.access_token, user: answer.user };
}

async function onLogin(event, path) {
  event.preventDefault();
  const form = new FormData(ui.loginForm);
  const body = { email: form.get('email'), password: form.get('password') };
  if (path === 'register' && form.get('name')) {
    body.name = form.get('name');
  }

  ui.loginError.hidden = true;
  try {
    saveSession(await authenticate(path, body));
    selectThread(null);
    ui.loginForm.reset();
    ui.authUrl.value = state.session.authUrl;
    enterChat();
  } catch (error) {
    showLoginError(`Could not ${path === 'login' ? 'log in' : 'register'}: ${error.message}`);
  }
}

function showLoginError(text) {
  ui.loginError.textContent = text;
  ui.loginError.hidden = false;
}

async function logout() {
  const session = state.session;
  disconnect();
  saveSession(null);
  showLogin();
  if (session) {
    // Revokes the access token; the page is logged out whether or not this succeeds.
    fetch(`${session.authUrl}/auth/logout`, { method: 'POST', headers: { Authorization: `Bearer ${session.accessToken}` } }).catch(() => {});
  }
}

// ---- views -------------------------------------------------------------------

function showLogin() {
  ui.chatView.hidden = true;
  ui.logout.hidden = true;
  ui.loginView.hidden = false;
  ui.currentUser.textContent = '';
  ui.connectionError.hidden = true;
  ui.historyError.hidden = true;
  setStatus('offline');
}

function enterChat() {
  ui.loginView.hidden = true;
  ui.chatView.hidden = false;
  ui.logout.hidden = false;
  ui.currentUser.textContent = state.session.user.email;
  clearRun();
  connect();
  refreshHistory();
}

function setStatus(name, closeCode) {
  ui.status.dataset.state = name;
  ui.status.textContent = closeCode ? `${name} (${closeCode})` : name;
  if (closeCode) {
    ui.status.dataset.closeCode = closeCode;
  } else {
    delete ui.status.dataset.closeCode;
  }

  ui.send.disabled = name !== 'connected';
}

// ---- WebSocket -----------------------------------------------------------------

function webSocketUrl() {
  const url = new URL('/ws', location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url;
}

function connect() {
  disconnect();
  ui.connectionError.hidden = true;
  state.established = false;
  state.serverError = null;
  setStatus('connecting');

  const url = webSocketUrl();
  // Browsers cannot set headers on a WebSocket: the token travels as the subprotocol jwt.<token>.
  const socket = new WebSocket(url, [`jwt.${state.session.accessToken}`]);
  state.socket = socket;

  const timeout = setTimeout(() => {
    if (state.socket === socket && !state.established) {
      state.socket = null;
      socket.close();
      showConnectionError(null, `No answer from ${url} within ${CONNECT_TIMEOUT_MS / 1000} s.`);
    }
  }, CONNECT_TIMEOUT_MS);

  socket.addEventListener('message', (event) => {
    if (state.socket === socket) {
      onFrame(event.data);
    }
  });

  socket.addEventListener('close', (event) => {
    clearTimeout(timeout);
    if (state.socket !== socket) {
      return; // closed on purpose (log out, reconnect)
    }

    state.socket = null;
    showConnectionError(event.code, describeClose(event));
  });
}

function disconnect() {
  const socket = state.socket;
  state.socket = null;
  if (socket && socket.readyState <= WebSocket.OPEN) {
    socket.close(1000, 'page closed the connection');
  }
}

function describeClose(event) {
  const parts = [`Connection closed (${event.code}): ${CLOSE_MESSAGES[event.code] || 'the connection ended unexpectedly.'}`];
  if (event.reason) {
    parts.push(`Server said: ${event.reason}.`);
  }

  if (state.serverError) {
    parts.push(state.serverError);
  }

  return parts.join(' ');
}

function showConnectionError(code, text) {
  setStatus('error', code);
  ui.connectionErrorText.textContent = text;
  if (code) {
    ui.connectionError.dataset.closeCode = code;
  } else {
    delete ui.connectionError.dataset.closeCode;
  }

  ui.connectionError.hidden = false;
}

function onFrame(text) {
  let frame;
  try {
    frame = JSON.parse(text);
  } catch {
    return;
  }

  switch (frame.type) {
    case 'connection_established':
      state.established = true;
      state.serverAcks = frame.server_time !== undefined;
      setStatus('connected');
      break;
    case 'error':
    case 'error_message':
      onServerError(frame);
      break;
    case 'message_ack':
      if (frame.message_id === state.pendingMessageId) {
        selectThread(frame.thread_id);
        ui.timeline.dataset.runId = frame.run_id;
      }
      break;
    case 'pong':
      break;
    default:
      // Frames of other types (a heartbeat, say) are ignored, as PROTOCOL §0 asks of a client.
      if (RUN_EVENT_TYPES.has(frame.type) && frame.run_id) {
        onRunEvent(frame);
      }
  }
}

function onServerError(frame) {
  const text = `${frame.error_code}: ${frame.message ?? frame.error_message}`;
  if (!state.established) {
    state.serverError = text; // the close that follows explains the rest
    return;
  }

  appendTimelineItem('error', text);
}

// ---- a run ---------------------------------------------------------------------

function clearRun() {
  ui.timeline.replaceChildren();
  delete ui.timeline.dataset.runId;
  ui.answer.hidden = true;
  ui.answer.textContent = '';
  delete ui.answer.dataset.runId;
  delete ui.answer.dataset.state;
}

function sendMessage(event) {
  event.preventDefault();
  const content = ui.messageInput.value.trim();
  if (!content) {
    return;
  }

  if (!state.socket || !state.established) {
    showConnectionError(null, 'Not connected: the message was not sent. Reconnect and try again.');
    return;
  }

  clearRun();
  state.pendingMessageId = newMessageId();
  state.awaitingRun = !state.serverAcks;
  state.socket.send(JSON.stringify({
    type: 'user_message',
    message_id: state.pendingMessageId,
    payload: { content, thread_id: state.threadId || null },
  }));
  ui.messageInput.value = '';
  appendMessage({ role: 'user', content }, true);
}

const RUN_EVENT_TYPES = new Set(['agent_started', 'agent_thinking', 'tool_executing', 'tool_completed', 'agent_completed', 'agent_error']);

// Events arrive for every run of this user, also those sent from another tab: show the latest run.
function onRunEvent(frame) {
  if (ui.timeline.dataset.runId !== frame.run_id) {
    clearRun();
    ui.timeline.dataset.runId = frame.run_id;
    if (state.awaitingRun) {
      state.awaitingRun = false;
      state.ownRunId = frame.run_id;
    }
  }

  // No ack: the thread of our own run comes with its first event that names one (agent_thinking under netra-apex).
  if (!state.serverAcks && frame.run_id === state.ownRunId && frame.thread_id && frame.thread_id !== state.threadId) {
    selectThread(frame.thread_id);
  }

  appendTimelineItem(frame.type, describeEvent(frame));
  if (frame.type === 'agent_completed' || frame.type === 'agent_error') {
    ui.answer.dataset.runId = frame.run_id;
    ui.answer.dataset.state = frame.type === 'agent_completed' ? 'completed' : 'error';
    ui.answer.textContent = frame.type === 'agent_completed' ? frame.final_response : `The agent failed: ${errorOf(frame)}`;
    ui.answer.hidden = false;
    refreshHistory();
  }
}

function describeEvent(frame) {
  switch (frame.type) {
    case 'agent_started':
      return `${frame.agent_name} started`;
    case 'agent_thinking':
      return frame.reasoning;
    case 'tool_executing':
      return `${frame.tool_name} ${JSON.stringify(frame.parameters ?? frame.data?.parameters)}`;
    case 'tool_completed':
      return `${frame.tool_name} ${frame.success === false ? 'failed' : 'returned'} ${JSON.stringify(frame.results)} in ${durationOf(frame)} ms`;
    case 'agent_completed':
      return `completed in ${durationOf(frame)} ms`;
    case 'agent_error':
      return errorOf(frame);
    default:
      return '';
  }
}

// PROTOCOL §3 names, else netra-apex's (execution_time_ms, flat or under data; data.error_message).
const durationOf = (frame) => frame.duration_ms ?? frame.execution_time_ms ?? frame.data?.execution_time_ms;
const errorOf = (frame) => frame.error ?? frame.data?.error_message;

function appendTimelineItem(type, detail) {
  const item = document.createElement('li');
  item.dataset.testid = 'timeline-item';
  item.dataset.eventType = type;
  const label = document.createElement('span');
  label.className = 'type';
  label.textContent = type;
  item.append(label, detail ?? '');
  ui.timeline.append(item);
}

// ---- history -------------------------------------------------------------------

async function api(path) {
  const response = await fetch(path, { headers: { Authorization: `Bearer ${state.session.accessToken}` } });
  if (response.status === 401) {
    throw new Error('the backend refused your login (HTTP 401): log out and log in again');
  }

  if (!response.ok) {
    throw new Error(`GET ${path} answered HTTP ${response.status}`);
  }

  return response.json();
}

async function refreshHistory() {
  try {
    const threads = await api('/api/threads');
    renderThreads(threads);
    if (state.threadId && threads.some((t) => threadIdOf(t) === state.threadId)) {
      const body = await api(`/api/threads/${encodeURIComponent(state.threadId)}/messages`);
      const messages = Array.isArray(body) ? body : body.messages; // netra-apex wraps them in {thread_id, messages, total, …}
      ui.messages.replaceChildren();
      messages.forEach((m) => appendMessage(m, false));
    }

    ui.historyError.hidden = true;
  } catch (error) {
    ui.historyError.textContent = `Could not load the history: ${error.message}.`;
    ui.historyError.hidden = false;
  }
}

// PROTOCOL §2 says thread_id, netra-apex says id.
const threadIdOf = (thread) => thread.thread_id ?? thread.id;

function renderThreads(threads) {
  ui.threadList.replaceChildren(...threads.map((thread) => {
    const threadId = threadIdOf(thread);
    const item = document.createElement('li');
    item.dataset.testid = 'thread-item';
    item.dataset.threadId = threadId;
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = thread.title || threadId;
    button.setAttribute('aria-current', String(threadId === state.threadId));
    button.addEventListener('click', () => {
      selectThread(threadId);
      clearRun();
      refreshHistory();
    });
    item.append(button);
    return item;
  }));
}

function appendMessage(message, pending) {
  const item = document.createElement('li');
  item.dataset.testid = 'message';
  item.dataset.role = message.role;
  if (pending) {
    item.dataset.pending = 'true';
  }

  item.textContent = message.content;
  ui.messages.append(item);
}

// ---- start ---------------------------------------------------------------------

ui.loginForm.addEventListener('submit', (event) => onLogin(event, 'login'));
ui.register.addEventListener('click', (event) => {
  if (ui.loginForm.reportValidity()) {
    onLogin(event, 'register');
  }
});
ui.logout.addEventListener('click', logout);
ui.reconnect.addEventListener('click', connect);
ui.messageForm.addEventListener('submit', sendMessage);
ui.newThread.addEventListener('click', () => {
  selectThread(null);
  ui.messages.replaceChildren();
  clearRun();
  refreshHistory();
});

ui.authUrl.value = state.session?.authUrl || initialAuthUrl();
if (state.session?.accessToken) {
  enterChat();
} else {
  showLogin();
}
