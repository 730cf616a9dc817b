rule "azure-database-postgres-flexible-log-retention" {
  title     = "PostgreSQL flexible server keeps its log files 3 days or less"
  severity  = "low"
  area      = "configuration-posture"
  resources = ["azurerm_postgresql_flexible_server"]

  compliance = { "cis-azure-3.0" = ["5.2.4"] }
  description = <<-EOT
    `logfiles.retention_days` decides how long the server keeps its PostgreSQL log files (connections,
    errors, slow queries, checkpoints) for download. At the default of 3 days, an incident found
    after a long weekend has already lost its evidence unless the logs are also exported with a
    diagnostic setting. Keeping the logs long enough is the customer's side of the managed
    database.

    The default is 3 days, and the benchmark asks for more, so the rule asks for an
    `azurerm_postgresql_flexible_server_configuration` that refers to the server through
    `server_id` and sets `logfiles.retention_days` above 3 (the maximum is 7). A parameter set
    outside Terraform is not seen. Severity is low: a retention setting, not an exposure.
  EOT
  remediation = "Add `resource \"azurerm_postgresql_flexible_server_configuration\" \"x\" { name = \"logfiles.retention_days\"  server_id = azurerm_postgresql_flexible_server.<name>.id  value = \"7\" }`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/postgresql_flexible_server_configuration",
    "https://learn.microsoft.com/en-us/azure/postgresql/flexible-server/concepts-server-parameters",
  ]

  assert {
    linked "azurerm_postgresql_flexible_server_configuration" {
      via = "server_id"
      attribute "name" {
        equals = "logfiles.retention_days"
      }
      attribute "value" {
        gt = 3
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_postgresql_flexible_server" "orders" {  # expect: azure-database-postgres-flexible-log-retention
        name                          = "pg-orders"
        resource_group_name           = "rg-data"
        location                      = "westeurope"
        version                       = "16"
        sku_name                      = "GP_Standard_D2ds_v5"
        storage_mb                    = 65536
        public_network_access_enabled = false

        authentication {
          active_directory_auth_enabled = true
          password_auth_enabled         = false
          tenant_id                     = "00000000-0000-0000-0000-000000000000"
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_postgresql_flexible_server" "orders" {  # expect: azure-database-postgres-flexible-log-retention
        name                          = "pg-orders"
        resource_group_name           = "rg-data"
        location                      = "westeurope"
        version                       = "16"
        sku_name                      = "GP_Standard_D2ds_v5"
        storage_mb                    = 65536
        public_network_access_enabled = false
      }

      resource "azurerm_postgresql_flexible_server_configuration" "param" {
        name      = "logfiles.retention_days"
        server_id = azurerm_postgresql_flexible_server.orders.id
        value     = "3"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_postgresql_flexible_server" "orders" {
        name                          = "pg-orders"
        resource_group_name           = "rg-data"
        location                      = "westeurope"
        version                       = "16"
        sku_name                      = "GP_Standard_D2ds_v5"
        storage_mb                    = 65536
        public_network_access_enabled = false
      }

      resource "azurerm_postgresql_flexible_server_configuration" "param" {
        name      = "logfiles.retention_days"
        server_id = azurerm_postgresql_flexible_server.orders.id
        value     = "7"
      }
    EOT
  }
}
