rule "azure-appservice-cors-no-wildcard" {
  title     = "App Service or Function App allows cross-origin requests from any origin"
  severity  = "medium"
  area      = "application-workload"
  resources = [
    "azurerm_linux_web_app",
    "azurerm_windows_web_app",
    "azurerm_linux_function_app",
    "azurerm_windows_function_app",
    "azurerm_app_service",
    "azurerm_function_app",
  ]
  aliases   = ["CKV_AZURE_57"]

  description = <<-EOT
    A CORS policy with the origin `*` lets scripts on any website call the app's API from a
    visitor's browser and read the responses. For an API that relies on cookies, tokens in the
    browser, or network position (an intranet app reached from an employee's browser), that hands
    its data to any page the user opens. The allowed origins are the application owner's
    configuration.

    The rule reports `"*"` in `site_config.cors.allowed_origins` on the current web and function app
    resources and on the deprecated `azurerm_app_service` and `azurerm_function_app`. An app without
    a `cors` block sends no CORS headers and is not reported.
  EOT
  remediation = "List the exact origins that need access in `site_config { cors { allowed_origins = [\"https://app.example.com\"] } }`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_web_app#cors",
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_function_app#cors",
    "https://learn.microsoft.com/en-us/azure/app-service/app-service-web-tutorial-rest-api#add-cors-functionality",
  ]

  assert {
    each "site_config.cors" {
      any {
        attribute "allowed_origins" {
          present = false
        }
        attribute "allowed_origins" {
          not_contains = "*"
        }
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_linux_web_app" "api" {
        name                = "app-api"
        resource_group_name = "rg-web"
        location            = "westeurope"
        service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/asp-web"

        site_config {
          cors {
            allowed_origins = ["*"]  # expect: azure-appservice-cors-no-wildcard
          }
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_windows_function_app" "api" {
        name                       = "func-api"
        resource_group_name        = "rg-web"
        location                   = "westeurope"
        service_plan_id            = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/asp-web"
        storage_account_name       = "stfuncapi"
        storage_account_access_key = var.key

        site_config {
          cors {
            allowed_origins = ["https://portal.example.com", "*"]  # expect: azure-appservice-cors-no-wildcard
          }
        }
      }

      variable "key" {
        type      = string
        sensitive = true
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_linux_web_app" "api" {
        name                = "app-api"
        resource_group_name = "rg-web"
        location            = "westeurope"
        service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/asp-web"

        site_config {
          cors {
            allowed_origins = ["https://app.example.com"]
          }
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_linux_web_app" "site" {
        name                = "app-site"
        resource_group_name = "rg-web"
        location            = "westeurope"
        service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/asp-web"

        site_config {}
      }
    EOT
  }
}
