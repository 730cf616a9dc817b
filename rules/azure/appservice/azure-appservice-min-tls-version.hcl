rule "azure-appservice-min-tls-version" {
  title     = "Web or function app accepts TLS versions older than 1.2"
  severity  = "medium"
  area      = "application-workload"
  resources = [
    "azurerm_linux_web_app",
    "azurerm_windows_web_app",
    "azurerm_linux_web_app_slot",
    "azurerm_windows_web_app_slot",
    "azurerm_linux_function_app",
    "azurerm_windows_function_app",
    "azurerm_linux_function_app_slot",
    "azurerm_windows_function_app_slot",
    "azurerm_app_service",
    "azurerm_app_service_slot",
    "azurerm_function_app",
    "azurerm_function_app_slot",
  ]
  aliases = ["CKV_AZURE_15", "CKV_AZURE_145", "CKV_AZURE_154", "AVD-AZU-0006", "azure-appservice-use-secure-tls-policy"]

  compliance = { "cis-azure-3.0" = ["9.4"] }
  description = <<-EOT
    The site's minimum TLS version is the oldest protocol its HTTPS front end negotiates. TLS 1.0 and
    1.1 are deprecated and vulnerable to downgrade and cipher attacks, so allowing them weakens the
    protection of every request to the app. The SCM (Kudu) endpoint has its own floor, and it carries
    deployment credentials and source code. Both are settings of the customer's app.

    Current resources set the floor in `site_config.minimum_tls_version` and
    `site_config.scm_minimum_tls_version` (both default `1.2`, values `1.0`, `1.1`, `1.2`, `1.3`).
    The deprecated `azurerm_app_service` and `azurerm_function_app` families (removed in azurerm v5)
    call it `site_config.min_tls_version`, also defaulting to `1.2`.
  EOT
  remediation = "Remove the TLS overrides or set `site_config { minimum_tls_version = \"1.2\" scm_minimum_tls_version = \"1.2\" }` (or `\"1.3\"`)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_web_app#minimum_tls_version",
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/windows_function_app#minimum_tls_version",
  ]

  assert {
    attribute "site_config.minimum_tls_version" {
      not_one_of = ["1.0", "1.1"]
      default    = "1.2"
    }
    attribute "site_config.scm_minimum_tls_version" {
      not_one_of = ["1.0", "1.1"]
      default    = "1.2"
    }
    # Deprecated azurerm_app_service / azurerm_function_app spelling.
    attribute "site_config.min_tls_version" {
      not_one_of = ["1.0", "1.1"]
      default    = "1.2"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_windows_web_app" "portal" {
        name                = "portal-web"
        resource_group_name = "rg-web"
        location            = "westeurope"
        service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/plan"
        https_only          = true

        site_config {
          minimum_tls_version = "1.0"  # expect: azure-appservice-min-tls-version
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_linux_function_app" "jobs" {
        name                       = "jobs-func"
        resource_group_name        = "rg-func"
        location                   = "westeurope"
        service_plan_id            = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-func/providers/Microsoft.Web/serverFarms/plan"
        storage_account_name       = "jobsfuncstorage"
        storage_account_access_key = "not-a-real-key"
        https_only                 = true

        site_config {
          scm_minimum_tls_version = "1.1"  # expect: azure-appservice-min-tls-version
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_windows_web_app" "portal" {
        name                = "portal-web"
        resource_group_name = "rg-web"
        location            = "westeurope"
        service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/plan"
        https_only          = true

        site_config {
          minimum_tls_version     = "1.2"
          scm_minimum_tls_version = "1.2"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_linux_web_app" "defaults" {
        name                = "defaults-web"
        resource_group_name = "rg-web"
        location            = "westeurope"
        service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/plan"
        https_only          = true

        site_config {}
      }
    EOT
  }
}
