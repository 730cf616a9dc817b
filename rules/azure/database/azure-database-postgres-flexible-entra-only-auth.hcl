rule "azure-database-postgres-flexible-entra-only-auth" {
  title     = "PostgreSQL flexible server allows password authentication"
  severity  = "medium"
  area      = "identity-access"
  resources = ["azurerm_postgresql_flexible_server"]

  description = <<-EOT
    PostgreSQL password logins cannot require MFA, are not revoked when a person leaves, and are
    the target of password guessing against the server's endpoint. With password authentication
    off and Entra ID authentication on, every login is an Entra identity subject to conditional
    access and central deprovisioning. Database logins are the customer's side.

    The rule passes when the `authentication` block sets `password_auth_enabled = false` and
    `active_directory_auth_enabled = true`. Without the block, password authentication is on (the
    provider default) and Entra ID authentication off. Severity is medium: a weaker credential type,
    not an exposure.
  EOT
  remediation = "Add `authentication { active_directory_auth_enabled = true  password_auth_enabled = false  tenant_id = ... }` and an `azurerm_postgresql_flexible_server_active_directory_administrator`, then drop `administrator_password`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/postgresql_flexible_server#authentication",
    "https://learn.microsoft.com/en-us/azure/postgresql/flexible-server/concepts-azure-ad-authentication",
  ]

  assert {
    attribute "authentication.password_auth_enabled" {
      equals  = false
      default = true
    }
    attribute "authentication.active_directory_auth_enabled" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      variable "pg_password" {
        type      = string
        sensitive = true
      }

      resource "azurerm_postgresql_flexible_server" "orders" {  # expect: azure-database-postgres-flexible-entra-only-auth
        name                   = "psql-orders"
        resource_group_name    = "rg-data"
        location               = "westeurope"
        version                = "16"
        sku_name               = "GP_Standard_D2s_v3"
        administrator_login    = "pgadmin"
        administrator_password = var.pg_password
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_postgresql_flexible_server" "orders" {
        name                = "psql-orders"
        resource_group_name = "rg-data"
        location            = "westeurope"
        version             = "16"
        sku_name            = "GP_Standard_D2s_v3"

        authentication {
          active_directory_auth_enabled = true
          password_auth_enabled         = true  # expect: azure-database-postgres-flexible-entra-only-auth
          tenant_id                     = "00000000-0000-0000-0000-000000000000"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_postgresql_flexible_server" "orders" {
        name                = "psql-orders"
        resource_group_name = "rg-data"
        location            = "westeurope"
        version             = "16"
        sku_name            = "GP_Standard_D2s_v3"

        authentication {
          active_directory_auth_enabled = true
          password_auth_enabled         = false
          tenant_id                     = "00000000-0000-0000-0000-000000000000"
        }
      }
    EOT
  }
}
