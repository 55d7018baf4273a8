import type { Person } from '../domain/types';

/** «Фамилия Имя Отчество», missing parts left out. */
export const fullName = (p: Pick<Person, 'surname' | 'name' | 'patronymic'>): string => [p.surname, p.name, p.patronymic].filter(Boolean).join(' ');
