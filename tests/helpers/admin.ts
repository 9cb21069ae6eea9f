/** Admin users for API tests: created through Strapi's own services, logged in through /admin/login. */
import request from 'supertest';
import type { Core } from '@strapi/strapi';

export const PASSWORD = 'Chronicle-Test-2022';

export async function createAdminUser(strapi: Core.Strapi, email: string, roleCode: string) {
  const role = await strapi.service('admin::role').findOne({ code: roleCode });
  if (!role) throw new Error(`no role ${roleCode}`);
  const existing = await strapi.service('admin::user').findOneByEmail(email);
  if (existing) return existing;
  return strapi.service('admin::user').create({
    email,
    firstname: email.split('@')[0],
    lastname: 'Test',
    password: PASSWORD,
    isActive: true,
    roles: [role.id],
    registrationToken: null,
  });
}

export async function login(strapi: Core.Strapi, email: string): Promise<string> {
  const res = await request(strapi.server.httpServer).post('/admin/login').send({ email, password: PASSWORD });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.token as string;
}

/** A supertest agent that sends the admin JWT. */
export const adminApi = (strapi: Core.Strapi, token: string) => {
  const server = strapi.server.httpServer;
  const auth = (r: request.Test) => r.set('Authorization', `Bearer ${token}`);
  return {
    get: (url: string) => auth(request(server).get(url)),
    post: (url: string, body?: object) => auth(request(server).post(url)).send(body ?? {}),
    put: (url: string, body?: object) => auth(request(server).put(url)).send(body ?? {}),
    del: (url: string) => auth(request(server).delete(url)),
  };
};
