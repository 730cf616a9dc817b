rule "azure-database-min-tls-version" {
  title     = "Database server accepts TLS versions older than 1.2"
  severity  = "medium"
  area      = "data-protection"
  resources = [
    "azurerm_mssql_server",
    "azurerm_postgresql_server",
    "azurerm_mysql_server",
    "azurerm_mariadb_server",
  ]
  aliases = ["CKV_AZURE_52", "CKV_AZURE_54", "CKV_AZURE_147", "CKV2_AZURE_37", "AVD-AZU-0026", "azure-database-secure-tls-policy"]

  description = <<-EOT
    The minimum TLS version is the oldest protocol the server negotiates with clients. Allowing TLS 1.0
    or 1.1, or disabling the minimum altogether, lets a client or an attacker in the path fall back
    to protocols with known weaknesses, exposing credentials and query results in transit. Azure
    operates the servers; the protocol floor is a customer setting.

    - `azurerm_mssql_server.minimum_tls_version` defaults to `1.2`; azurerm v3 and v4 also accept
      `1.0`, `1.1` and `Disabled` (all TLS versions), which v5 no longer allows.
    - The legacy single servers (`azurerm_postgresql_server`, `azurerm_mysql_server`,
      `azurerm_mariadb_server`) use `ssl_minimal_tls_version_enforced`, default `TLS1_2`, which also
      accepts `TLS1_0`, `TLS1_1` and `TLSEnforcementDisabled`.
    Flexible servers set their TLS floor through server parameters, which this rule does not read.
  EOT
  remediation = "Set `minimum_tls_version = \"1.2\"` on `azurerm_mssql_server` (or `ssl_minimal_tls_version_enforced = \"TLS1_2\"` on single servers), or remove the argument to get the default."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_server#minimum_tls_version",
    "https://registry.terraform.io/providers/hashicorp/azurerm/3.117.1/docs/resources/postgresql_server#ssl_minimal_tls_version_enforced",
  ]

  # Each resource type has only one of the two arguments; the other takes its default and passes.
  assert {
    attribute "minimum_tls_version" {
      not_one_of = ["1.0", "1.1", "Disabled"]
      default    = "1.2"
    }
    attribute "ssl_minimal_tls_version_enforced" {
      not_one_of = ["TLSEnforcementDisabled", "TLS1_0", "TLS1_1"]
      default    = "TLS1_2"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_mssql_server" "app" {
        name                         = "sql-app"
        resource_group_name          = "rg-data"
        location                     = "westeurope"
        version                      = "12.0"
        administrator_login          = "sqladmin"
        administrator_login_password = "Example-Passw0rd!"
        minimum_tls_version          = "1.0"  # expect: azure-database-min-tls-version
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_postgresql_server" "legacy" {
        name                             = "pg-legacy"
        location                         = "westeurope"
        resource_group_name              = "rg-data"
        sku_name                         = "GP_Gen5_2"
        version                          = "11"
        administrator_login              = "pgadmin"
        administrator_login_password     = "Example-Passw0rd!"
        ssl_enforcement_enabled          = false
        ssl_minimal_tls_version_enforced = "TLSEnforcementDisabled"  # expect: azure-database-min-tls-version
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_mssql_server" "app" {
        name                         = "sql-app"
        resource_group_name          = "rg-data"
        location                     = "westeurope"
        version                      = "12.0"
        administrator_login          = "sqladmin"
        administrator_login_password = "Example-Passw0rd!"
        minimum_tls_version          = "1.2"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_mssql_server" "app" {
        name                         = "sql-app"
        resource_group_name          = "rg-data"
        location                     = "westeurope"
        version                      = "12.0"
        administrator_login          = "sqladmin"
        administrator_login_password = "Example-Passw0rd!"
      }
    EOT
  }
}
