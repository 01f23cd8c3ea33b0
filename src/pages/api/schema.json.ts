import type { APIRoute } from 'astro';
import { apiUrls, jsonResponse } from '@/lib/views/api-urls';
import { apiFilePath } from '@/lib/views/content-api';
import { contentApiSchema } from '@/lib/views/content-api-schema';

export const GET: APIRoute = ({ site }) => jsonResponse(contentApiSchema(apiUrls(site).file(apiFilePath.schema())));
