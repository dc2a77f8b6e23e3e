// One user-assigned managed identity per app, made first so that every role assignment exists before the app starts.
param location string
param prefix string

resource worker 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${prefix}-worker'
  location: location
}

resource dashboard 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${prefix}-dashboard'
  location: location
}

output workerId string = worker.id
output workerName string = worker.name
output workerClientId string = worker.properties.clientId
output workerPrincipalId string = worker.properties.principalId
output dashboardId string = dashboard.id
output dashboardName string = dashboard.name
output dashboardClientId string = dashboard.properties.clientId
