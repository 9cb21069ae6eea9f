/**
 * Telling people about workflow steps (domain/notifications, docs/editors.md "Notices"):
 * after a transition has committed, the workflow calls `transitioned` once; it stores one
 * notice per recipient, e-mails them through Strapi's email plugin when an SMTP server is
 * configured (config/plugins.ts), and hands the step to the CE webhooks (services/webhooks).
 * Nothing here can fail or slow the transition: the e-mails and webhooks go out in the
 * background, and every failure is logged.
 */
import type { Core } from '@strapi/strapi';
import type { NotificationItem, NotificationsAnswer } from '../contracts/admin';
import { PLUGIN_NAME, pluginUid, typeUid } from '../domain/content-types';
import { decodeCursor, encodeCursor } from '../domain/cursor';
import {
  adminDocumentPath,
  kindOfTransition,
  noteExcerpt,
  noticeEmail,
  noticeLanguage,
  recipientsOf,
  tellsPeople,
  type NotificationKind,
  type TransitionFacts,
} from '../domain/notifications';
import type { Actor } from '../domain/workflow';
import type { WebhooksService } from './webhooks';

export const NOTIFICATION_UID = typeUid('notification');
const CURSOR_LIST = 'notifications';

type Row = Record<string, any>;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const notifications = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = (uid: string) => strapi.db.query(uid as never);

  /** Admin users whose roles hold the workflow's approve right (super admins included), active ones only. */
  const editors = async (): Promise<number[]> => {
    const permissions = (await query('admin::permission').findMany({
      where: { action: pluginUid('workflow.approve') },
      populate: { role: { select: ['id'] } },
    })) as Row[];
    const roleIds = [...new Set(permissions.map((p) => p.role?.id).filter((id) => typeof id === 'number'))];
    const superAdmin = await query('admin::role').findOne({ where: { code: 'strapi-super-admin' }, select: ['id'] });
    if (superAdmin && !roleIds.includes(superAdmin.id)) roleIds.push(superAdmin.id);
    if (!roleIds.length) return [];
    const users = (await query('admin::user').findMany({
      where: { roles: { id: { $in: roleIds } }, isActive: true, blocked: { $ne: true } },
      select: ['id'],
      orderBy: { id: 'asc' },
    })) as Row[];
    return users.map((u) => u.id);
  };

  /** The document's author and the people who submitted it for review. */
  const authors = async (facts: TransitionFacts): Promise<number[]> => {
    const draft = await query(facts.uid).findOne({
      where: { documentId: facts.documentId, locale: facts.locale, publishedAt: null },
      populate: { createdBy: { select: ['id'] } },
    });
    const submitters = (await query(typeUid('workflow-transition')).findMany({
      where: { contentUid: facts.uid, subjectDocumentId: facts.documentId, subjectLocale: facts.locale, to: 'in_review', from: { $ne: 'in_review' } },
      populate: { actor: { select: ['id'] } },
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      limit: 1,
    })) as Row[];
    return [draft?.createdBy?.id, ...submitters.map((s) => s.actor?.id)].filter((id): id is number => typeof id === 'number');
  };

  /** Is an SMTP server configured (config/plugins.ts sets the nodemailer provider only with SMTP_HOST)? */
  const emailConfigured = () => String(strapi.config.get('plugin::email.provider', '') ?? '').toLowerCase() === 'nodemailer';

  const adminBase = () => {
    const absolute = String(strapi.config.get('admin.absoluteUrl', '') ?? '');
    return absolute || '/admin';
  };

  const sendEmails = async (kind: NotificationKind, facts: TransitionFacts, actor: Actor, recipients: number[]) => {
    const users = (await query('admin::user').findMany({
      where: { id: { $in: recipients } },
      select: ['id', 'email', 'preferedLanguage'],
    })) as Row[];
    const link = adminDocumentPath(adminBase(), facts.uid, facts.documentId, facts.locale);
    for (const user of users) {
      if (!user.email) continue;
      const language = noticeLanguage(user.preferedLanguage);
      const mail = noticeEmail({ kind, title: facts.title, actor: actor.name, note: facts.note, scheduledFor: facts.scheduledFor }, language, link);
      try {
        await strapi.plugin('email').service('email').send({
          to: user.email,
          subject: mail.subject,
          text: mail.text,
          html: `<div lang="${language}" style="white-space:pre-wrap;font-family:sans-serif">${escapeHtml(mail.text)}</div>`,
        });
      } catch (error) {
        strapi.log.warn(`[chronicle] notice e-mail to admin user ${user.id} (${kind}) not sent: ${(error as Error).message}`);
      }
    }
  };

  const toItem = (row: Row): NotificationItem => ({
    id: row.id,
    kind: row.kind,
    uid: row.contentUid,
    documentId: row.subjectDocumentId,
    locale: row.subjectLocale,
    title: row.title ?? '',
    actor: row.actorName ?? '',
    note: row.note ?? null,
    scheduledFor: row.scheduledFor ? new Date(row.scheduledFor).toISOString() : null,
    createdAt: new Date(row.createdAt).toISOString(),
    readAt: row.readAt ? new Date(row.readAt).toISOString() : null,
  });

  return {
    /**
     * A committed transition: store the notices, then (in the background) e-mail them and
     * deliver the webhooks. Resolves once the notices are stored; never rejects.
     */
    async transitioned(facts: TransitionFacts, actor: Actor): Promise<void> {
      if (!tellsPeople(actor)) return;
      const kind = kindOfTransition(facts.from, facts.to);
      try {
        // Its own transaction, or the caller's when the step ran inside one (a Content
        // Manager publish): e-mails and webhooks leave only once that has committed.
        await strapi.db.transaction(async ({ onCommit }: any) => {
          const recipients = kind
            ? recipientsOf(kind, {
                actorId: actor.kind === 'user' ? actor.id : null,
                authors: kind === 'submitted' ? [] : await authors(facts),
                editors: kind === 'submitted' ? await editors() : [],
              })
            : [];
          const note = noteExcerpt(facts.note);
          const createdAt = facts.at.toISOString();
          for (const recipientId of recipients) {
            await query(NOTIFICATION_UID).create({
              data: {
                recipientId,
                kind,
                contentUid: facts.uid,
                subjectDocumentId: facts.documentId,
                subjectLocale: facts.locale,
                title: facts.title.slice(0, 400),
                actorId: actor.kind === 'user' ? actor.id ?? null : null,
                actorName: actor.name.slice(0, 120),
                note,
                scheduledFor: kind === 'scheduled' ? facts.scheduledFor ?? null : null,
                readAt: null,
                createdAt,
                updatedAt: createdAt,
              },
            });
          }
          onCommit(() => {
            try {
              (strapi.plugin(PLUGIN_NAME).service('webhooks') as WebhooksService).transitioned(facts, actor);
            } catch (error) {
              strapi.log.warn(`[chronicle] webhooks of ${facts.uid} ${facts.documentId}: ${(error as Error).message}`);
            }
            if (kind && recipients.length && emailConfigured()) {
              void sendEmails(kind, facts, actor, recipients).catch((error) =>
                strapi.log.warn(`[chronicle] notice e-mails (${kind}) not sent: ${(error as Error).message}`)
              );
            }
          });
        });
      } catch (error) {
        strapi.log.error(`[chronicle] notices of ${facts.uid} ${facts.documentId} (${facts.from} → ${facts.to}) not stored: ${(error as Error).message}`);
      }
    },

    /** The user's own notices, newest first, `limit` per page after `cursor`; with the unread count. */
    async list(userId: number, { cursor, limit, unread }: { cursor?: string; limit: number; unread?: boolean }): Promise<NotificationsAnswer | { error: string }> {
      const where: Row = { recipientId: userId };
      if (unread) where.readAt = { $null: true };
      if (cursor) {
        const position = decodeCursor(cursor, CURSOR_LIST);
        if ('error' in position) return { error: position.error };
        const lastId = Number(position.key);
        if (!Number.isInteger(lastId) || lastId < 1) return { error: 'cursor: not a cursor returned by this API' };
        where.id = { $lt: lastId };
      }
      const rows = (await query(NOTIFICATION_UID).findMany({ where, orderBy: [{ id: 'desc' }], limit: limit + 1 })) as Row[];
      const page = rows.slice(0, limit);
      const next = rows.length > limit ? encodeCursor({ list: CURSOR_LIST, direction: 'desc', key: String(page[page.length - 1].id), documentId: 'n' }) : null;
      return { items: page.map(toItem), unread: await this.unreadCount(userId), nextCursor: next };
    },

    async unreadCount(userId: number): Promise<number> {
      return query(NOTIFICATION_UID).count({ where: { recipientId: userId, readAt: { $null: true } } });
    },

    /** Mark the user's notices read: the given ids (others' ids are ignored), or all. */
    async markRead(userId: number, target: { ids: number[] } | { all: true }): Promise<{ updated: number; unread: number }> {
      const where: Row = { recipientId: userId, readAt: { $null: true } };
      if ('ids' in target) where.id = { $in: target.ids };
      const result = await query(NOTIFICATION_UID).updateMany({ where, data: { readAt: new Date().toISOString() } });
      return { updated: result.count, unread: await this.unreadCount(userId) };
    },
  };
};

export type NotificationsService = ReturnType<typeof notifications>;
export default notifications;
