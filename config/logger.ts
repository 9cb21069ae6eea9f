import { winston } from '@strapi/logger';

export default {
  transports: [
    new winston.transports.Console({
      level: process.env.LOG_LEVEL || (process.env.NODE_ENV === 'test' ? 'warn' : 'http'),
      format: winston.format.combine(winston.format.colorize(), winston.format.simple()),
    }),
  ],
};
