rule "azure-database-sql-entra-admin" {
  title     = "Azure SQL logical server has no Microsoft Entra administrator"
  severity  = "medium"
  area      = "identity-access"
  resources = ["azurerm_mssql_server"]
  aliases   = ["CKV2_AZURE_27"]

  compliance = { "cis-azure-3.0" = ["5.1.4"] }
  description = <<-EOT
    Without a Microsoft Entra administrator, the server accepts only SQL authentication: every
    login is a password kept in the database, outside Entra ID's MFA, conditional access, sign-in
    logs and central account removal. An Entra administrator (ideally a group) enables Entra logins
    and contained database users for managed identities. Configuring identities is the customer's
    side of the shared responsibility model.

    The server is compliant with an `azuread_administrator` block. `azure-database-sql-entra-only-auth`
    goes further and asks for SQL authentication to be off.
  EOT
  remediation = "Add `azuread_administrator { login_username = \"sql-admins\"  object_id = \"<group object id>\" }` to the `azurerm_mssql_server`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_server#azuread_administrator",
    "https://learn.microsoft.com/en-us/azure/azure-sql/database/authentication-aad-configure",
  ]

  assert {
    attribute "azuread_administrator" {
      present = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_mssql_server" "app" {  # expect: azure-database-sql-entra-admin
        name                         = "sql-app"
        resource_group_name          = "rg-data"
        location                     = "westeurope"
        version                      = "12.0"
        administrator_login          = "sqladmin"
        administrator_login_password = var.sql_password
        minimum_tls_version          = "1.2"
      }

      variable "sql_password" {
        type      = string
        sensitive = true
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_mssql_server" "app" {
        name                = "sql-app"
        resource_group_name = "rg-data"
        location            = "westeurope"
        version             = "12.0"
        minimum_tls_version = "1.2"

        azuread_administrator {
          login_username              = "sql-admins"
          object_id                   = "00000000-0000-0000-0000-000000000000"
          azuread_authentication_only = true
        }
      }
    EOT
  }
}
