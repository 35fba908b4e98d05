// Forwards every message of the alarm topic to the operations chat room's incoming webhook
// (Slack, Google Chat, Mattermost and Rocket.Chat all take `{ "text": … }`). Runs as an AWS
// Lambda subscribed to the SNS topic; plain JavaScript, no dependencies, so it ships as is.

/** A one-paragraph chat message for an SNS message: CloudWatch alarm, EventBridge event or text. */
export function chatTextOf(subject, message) {
  let body;
  try {
    body = JSON.parse(message);
  } catch {
    return [subject, message].filter(Boolean).join('\n');
  }
  if (body && typeof body.AlarmName === 'string') {
    const icon = body.NewStateValue === 'ALARM' ? '🔴' : body.NewStateValue === 'OK' ? '🟢' : '⚪';
    return `${icon} ${body.AlarmName}: ${body.NewStateValue}\n${body.AlarmDescription ?? ''}\n${body.NewStateReason ?? ''}`.trim();
  }
  if (body && typeof body['detail-type'] === 'string') {
    const d = body.detail ?? {};
    const what = d.title ?? d.eventName ?? d.state ?? d.Message ?? '';
    return `🟠 ${body['detail-type']} (${body.source}, ${body.region}): ${what}`.trim();
  }
  return [subject, message].filter(Boolean).join('\n');
}

export async function handler(event, _context, post = fetch) {
  const url = process.env.CHAT_WEBHOOK_URL;
  if (!url) throw new Error('CHAT_WEBHOOK_URL is not set');
  for (const record of event.Records ?? []) {
    const text = chatTextOf(record.Sns?.Subject, record.Sns?.Message ?? '');
    const response = await post(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
    });
    // A failure makes SNS retry the delivery; the e-mail subscription gets the alert anyway.
    if (!response.ok) throw new Error(`chat webhook answered ${response.status}`);
  }
}
