rule "azure-appservice-function-app-https-only" {
  title     = "Function app accepts plain HTTP requests"
  severity  = "medium"
  area      = "application-workload"
  resources = [
    "azurerm_linux_function_app",
    "azurerm_windows_function_app",
    "azurerm_linux_function_app_slot",
    "azurerm_windows_function_app_slot",
    "azurerm_function_app",
    "azurerm_function_app_slot",
  ]
  aliases = ["CKV_AZURE_70", "AVD-AZU-0004", "azure-appservice-enforce-https"]

  description = <<-EOT
    HTTP-triggered functions are reachable over plain HTTP unless `https_only` is set. Function keys
    passed in the `code` query parameter or `x-functions-key` header, and the request and response
    bodies, then travel unencrypted and can be captured and replayed. Azure runs the Functions host;
    insisting on HTTPS is part of the customer's function app configuration.

    `https_only` defaults to `false` on all function app resources, including the deprecated
    `azurerm_function_app` / `azurerm_function_app_slot` that azurerm v5 removed.
  EOT
  remediation = "Set `https_only = true` on the function app and on each of its slots."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_function_app#https_only",
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/windows_function_app#https_only",
    "https://docs.microsoft.com/en-us/azure/azure-functions/security-concepts",
  ]

  assert {
    attribute "https_only" {
      equals = true
    }
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
        https_only                 = false  # expect: azure-appservice-function-app-https-only

        site_config {}
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_windows_function_app" "jobs" {
        name                       = "jobs-func"
        resource_group_name        = "rg-func"
        location                   = "westeurope"
        service_plan_id            = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-func/providers/Microsoft.Web/serverFarms/plan"
        storage_account_name       = "jobsfuncstorage"
        storage_account_access_key = "not-a-real-key"
        https_only                 = true

        site_config {}
      }
    EOT
  }
}
