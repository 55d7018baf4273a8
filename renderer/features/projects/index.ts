// What other features may use of the projects: the district report's section on its municipality's projects.
export { DistrictProjects } from './DistrictProjects';
