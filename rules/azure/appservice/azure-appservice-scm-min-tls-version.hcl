rule "azure-appservice-scm-min-tls-version" {
  title     = "Web or function app deployment (SCM/Kudu) site accepts TLS 1.0 or 1.1"
  severity  = "medium"
  area      = "data-protection"
  resources = [
    "azurerm_linux_web_app",
    "azurerm_windows_web_app",
    "azurerm_linux_function_app",
    "azurerm_windows_function_app",
  ]

  description = <<-EOT
    Besides the app itself, every App Service app has an SCM (Kudu) site used for deployments, log
    streaming and a console on the worker. It has its own minimum TLS version; with 1.0 or 1.1
    allowed, deployment credentials and the console session can be downgraded to protocols with
    known weaknesses. The app's main endpoint is checked by `azure-appservice-min-tls-version`.

    `site_config.scm_minimum_tls_version` defaults to `1.2`, so only an explicit `1.0` or `1.1` is
    reported. Severity is medium: weak transport encryption for an administrative endpoint.
  EOT
  remediation = "Set `site_config { scm_minimum_tls_version = \"1.2\" }` (or remove the argument)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_web_app#scm_minimum_tls_version",
    "https://learn.microsoft.com/en-us/azure/app-service/resources-kudu",
  ]

  assert {
    attribute "site_config.scm_minimum_tls_version" {
      not_one_of = ["1.0", "1.1"]
      default    = "1.2"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_linux_web_app" "api" {
        name                = "orders-api"
        resource_group_name = "rg-web"
        location            = "westeurope"
        service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/plan"
        https_only          = true

        site_config {
          minimum_tls_version     = "1.2"
          scm_minimum_tls_version = "1.0"  # expect: azure-appservice-scm-min-tls-version
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_linux_web_app" "api" {
        name                = "orders-api"
        resource_group_name = "rg-web"
        location            = "westeurope"
        service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/plan"
        https_only          = true

        site_config {
          minimum_tls_version = "1.2"
        }
      }
    EOT
  }
}
