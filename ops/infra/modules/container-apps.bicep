// The worker and the dashboard as container apps. Configuration comes only from these environment variables (the
// images carry no appsettings with secrets): SQL and Blob by managed identity, the key from Key Vault. Each app
// answers /health/live (the process runs) and /health/ready (the warehouse is reachable and migrated).
param location string
param prefix string
param workspaceName string
param workerIdentityId string
param workerClientId string
param dashboardIdentityId string
param dashboardClientId string
param workerImage string
param dashboardImage string
param blobEndpoint string
param sqlServerHost string
param databaseName string
param keyVaultUri string
param signInClientId string

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: workspaceName
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: '${prefix}-apps'
  location: location
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: workspace.properties.customerId
        sharedKey: workspace.listKeys().primarySharedKey
      }
    }
  }
}

var port = 8080

// Settings both apps share: refusal to start with any secret in configuration, and the warehouse on Azure SQL through
// the app's own identity (SqlClient's managed identity authentication; User Id names the user-assigned identity).
var commonEnvironment = [
  { name: 'RW__Security__RequireManagedIdentity', value: 'true' }
  { name: 'RW__Warehouse__Engine', value: 'SqlServer' }
]
var sqlConnection = 'Server=tcp:${sqlServerHost},1433;Database=${databaseName};Authentication=Active Directory Managed Identity;User Id={0};Encrypt=True'

var probes = [
  {
    type: 'Liveness'
    httpGet: {
      path: '/health/live'
      port: port
    }
    periodSeconds: 30
  }
  {
    type: 'Readiness'
    httpGet: {
      path: '/health/ready'
      port: port
    }
    periodSeconds: 30
  }
]

resource worker 'Microsoft.App/containerApps@2024-03-01' = {
  name: '${prefix}-worker'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${workerIdentityId}': {}
    }
  }
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      activeRevisionsMode: 'Single'
    }
    template: {
      containers: [
        {
          name: 'worker'
          image: workerImage
          args: ['worker']
          resources: {
            cpu: json('1.0')
            memory: '2Gi'
          }
          env: concat(commonEnvironment, [
            { name: 'AZURE_CLIENT_ID', value: workerClientId }
            { name: 'RW__Warehouse__SqlServerConnectionString', value: format(sqlConnection, workerClientId) }
            { name: 'RW__Landing__Kind', value: 'Blob' }
            { name: 'RW__Landing__BlobServiceUri', value: blobEndpoint }
            { name: 'RW__KeyVault__Uri', value: keyVaultUri }
            { name: 'RW__Worker__HealthUrl', value: 'http://+:${port}' }
            // The dashboard is its own app: the worker answers health probes only.
            { name: 'RW__Dashboard__Enabled', value: 'false' }
          ])
          probes: probes
        }
      ]
      // One worker: its Quartz schedule is in memory (a second replica would need the SQL job store, see docs/operating.md).
      scale: {
        minReplicas: 1
        maxReplicas: 1
      }
    }
  }
}

resource dashboard 'Microsoft.App/containerApps@2024-03-01' = {
  name: '${prefix}-dashboard'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${dashboardIdentityId}': {}
    }
  }
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: port
        transport: 'auto'
        allowInsecure: false
      }
    }
    template: {
      containers: [
        {
          name: 'dashboard'
          image: dashboardImage
          args: ['dashboard']
          resources: {
            cpu: json('0.5')
            memory: '1Gi'
          }
          env: concat(commonEnvironment, [
            { name: 'AZURE_CLIENT_ID', value: dashboardClientId }
            { name: 'RW__Warehouse__SqlServerConnectionString', value: format(sqlConnection, dashboardClientId) }
            { name: 'RW__Dashboard__Url', value: 'http://+:${port}' }
            { name: 'RW__Dashboard__SignIn__Authority', value: '${az.environment().authentication.loginEndpoint}${subscription().tenantId}/v2.0' }
            { name: 'RW__Dashboard__SignIn__Audience', value: signInClientId }
          ])
          probes: probes
        }
      ]
      scale: {
        minReplicas: 1
        maxReplicas: 3
      }
    }
  }
}

output dashboardUrl string = 'https://${dashboard.properties.configuration.ingress.fqdn}'
