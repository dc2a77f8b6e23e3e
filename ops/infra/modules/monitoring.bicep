// Log Analytics: the container apps' console logs and the platform resources' diagnostics, kept 90 days.
param location string
param prefix string

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${prefix}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 90
  }
}

output workspaceId string = workspace.id
output workspaceName string = workspace.name
