import { Module } from '@nestjs/common';
import { WebController } from './web.controller';

/** The werkplek's login settings and dev login; the app itself is served by web-app.ts. */
@Module({ controllers: [WebController] })
export class WebModule {}
