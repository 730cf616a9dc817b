rule "azure-database-sql-entra-only-auth" {
  title     = "Azure SQL server allows SQL (password) authentication"
  severity  = "medium"
  area      = "identity-access"
  resources = ["azurerm_mssql_server"]

  description = <<-EOT
    SQL authentication logins are username and password pairs stored in the server: they cannot
    require MFA, are not disabled when the person leaves the organisation, and are the target of
    password spraying against the server's endpoint. With Entra ID-only authentication the server
    accepts only Entra identities, with conditional access, MFA and central deprovisioning. Who may
    log in to the database is the customer's side.

    The rule passes when `azuread_administrator.azuread_authentication_only = true`. Without an
    `azuread_administrator` block the server has no Entra admin at all and only SQL logins work.
    `azuread_authentication_only` defaults to `false`. Severity is medium: a weaker credential
    type, not an exposure.
  EOT
  remediation = "Add `azuread_administrator { login_username = ...  object_id = ...  azuread_authentication_only = true }` (the admin should be an Entra group) and drop `administrator_login_password`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_server#azuread_authentication_only",
    "https://learn.microsoft.com/en-us/azure/azure-sql/database/authentication-azure-ad-only-authentication",
  ]

  assert {
    attribute "azuread_administrator.azuread_authentication_only" {
      equals = true
    }
  }

  example "bad" {
    code = <<-EOT
      variable "sql_admin_password" {
        type      = string
        sensitive = true
      }

      resource "azurerm_mssql_server" "orders" {  # expect: azure-database-sql-entra-only-auth
        name                         = "sql-orders"
        resource_group_name          = "rg-data"
        location                     = "westeurope"
        version                      = "12.0"
        administrator_login          = "sqladmin"
        administrator_login_password = var.sql_admin_password
        minimum_tls_version          = "1.2"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      variable "sql_admin_password" {
        type      = string
        sensitive = true
      }

      resource "azurerm_mssql_server" "orders" {
        name                         = "sql-orders"
        resource_group_name          = "rg-data"
        location                     = "westeurope"
        version                      = "12.0"
        administrator_login          = "sqladmin"
        administrator_login_password = var.sql_admin_password
        minimum_tls_version          = "1.2"

        azuread_administrator {
          login_username              = "sql-admins"
          object_id                   = "00000000-0000-0000-0000-000000000001"
          azuread_authentication_only = false  # expect: azure-database-sql-entra-only-auth
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_mssql_server" "orders" {
        name                = "sql-orders"
        resource_group_name = "rg-data"
        location            = "westeurope"
        version             = "12.0"
        minimum_tls_version = "1.2"

        azuread_administrator {
          login_username              = "sql-admins"
          object_id                   = "00000000-0000-0000-0000-000000000001"
          azuread_authentication_only = true
        }
      }
    EOT
  }
}
