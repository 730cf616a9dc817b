rule "azure-database-mysql-flexible-entra-admin" {
  title     = "MySQL flexible server has no Microsoft Entra administrator"
  severity  = "medium"
  area      = "identity-access"
  resources = ["azurerm_mysql_flexible_server"]

  description = <<-EOT
    Without a Microsoft Entra administrator, a MySQL flexible server knows only MySQL logins: the
    administrator password set at creation and the users created with it. Those passwords are
    shared, are not subject to the tenant's MFA and conditional access policies, and outlive the
    people who know them. An Entra administrator lets database users sign in with Entra ID
    identities and managed identities instead, revoked centrally when someone leaves. Who may sign
    in to the database is the customer's side.

    The rule asks for an `azurerm_mysql_flexible_server_active_directory_administrator` that refers
    to the server through `server_id`. An administrator set outside Terraform is not seen; suppress
    the finding there. Severity is medium: a weaker authentication model, not an exposure.
  EOT
  remediation = "Give the server a user-assigned identity with directory read rights and add `resource \"azurerm_mysql_flexible_server_active_directory_administrator\" \"x\" { server_id = azurerm_mysql_flexible_server.<name>.id  identity_id = ...  login = ...  object_id = ...  tenant_id = ... }`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mysql_flexible_server_active_directory_administrator",
    "https://learn.microsoft.com/en-us/azure/mysql/flexible-server/concepts-azure-ad-authentication",
  ]

  assert {
    linked "azurerm_mysql_flexible_server_active_directory_administrator" {
      via = "server_id"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_mysql_flexible_server" "orders" {  # expect: azure-database-mysql-flexible-entra-admin
        name                   = "mysql-orders"
        resource_group_name    = "rg-data"
        location               = "westeurope"
        administrator_login    = "dbadmin"
        administrator_password = var.admin_password
        sku_name               = "GP_Standard_D2ds_v4"
        version                = "8.0.21"
      }

      variable "admin_password" {
        type      = string
        sensitive = true
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_user_assigned_identity" "mysql" {
        name                = "id-mysql-orders"
        resource_group_name = "rg-data"
        location            = "westeurope"
      }

      resource "azurerm_mysql_flexible_server" "orders" {
        name                = "mysql-orders"
        resource_group_name = "rg-data"
        location            = "westeurope"
        sku_name            = "GP_Standard_D2ds_v4"
        version             = "8.0.21"

        identity {
          type         = "UserAssigned"
          identity_ids = [azurerm_user_assigned_identity.mysql.id]
        }
      }

      resource "azurerm_mysql_flexible_server_active_directory_administrator" "entra" {
        server_id   = azurerm_mysql_flexible_server.orders.id
        identity_id = azurerm_user_assigned_identity.mysql.id
        login       = "dba-group"
        object_id   = "11111111-1111-1111-1111-111111111111"
        tenant_id   = "00000000-0000-0000-0000-000000000000"
      }
    EOT
  }
}
